package io.github.camelkaizala.simulator;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_APPLICATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

class JournalTest extends SimulatorTestSupport {

    @Test
    void recordsEveryRequestWithWhatWasAnswered() {
        Instant before = Instant.now();
        Group g = sim.state().createGroup("Team");
        defaultAccessToken();
        api("POST", "/groups/" + g.id() + "/messages?trace=a%20b", "{message: \"hi\"}");
        api("GET", "/nope", null);
        send("GET", sim.endpointUrl() + "v1/groups", null, "accessToken", "at-forged");
        sim.relocate(DEFAULT_APPLICATION_ID);
        send("GET", sim.baseUri() + "/kms-1/v1/groups", null, "accessToken", token);

        assertThat(sim.journal().all()).extracting(RecordedRequest::status).containsExactly(200, 200, 404, 401, 308);

        RecordedRequest tokenCall = sim.journal().all().get(0);
        assertThat(tokenCall.method()).isEqualTo("GET");
        assertThat(tokenCall.path()).isEqualTo("/v1/accessToken");
        assertThat(tokenCall.resourcePath()).isEqualTo("/accessToken");
        assertThat(tokenCall.cluster()).isNull();
        assertThat(tokenCall.header("APPLICATIONID")).isEqualTo(DEFAULT_APPLICATION_ID);
        assertThat(tokenCall.headers()).containsKey("applicationsecret");
        assertThat(tokenCall.body()).isEmpty();
        assertThat(tokenCall.bodyJson()).isNull();

        RecordedRequest send = sim.journal().matching("POST", "/groups/.*/messages").get(0);
        assertThat(send.path()).isEqualTo("/kms-1/v1/groups/" + g.id() + "/messages");
        assertThat(send.resourcePath()).isEqualTo("/groups/" + g.id() + "/messages");
        assertThat(send.cluster()).isEqualTo("kms-1");
        assertThat(send.query()).containsEntry("trace", "a b");
        assertThat(send.header("accesstoken")).isEqualTo(token);
        assertThat(send.header("x-absent")).isNull();
        assertThat(send.body()).isEqualTo("{message: \"hi\"}");
        assertThat(send.bodyJson().get("message").asText()).isEqualTo("hi");
        assertThat(send.receivedAt()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());

        assertThat(sim.journal().count("GET", "/groups")).isEqualTo(2);
        assertThat(sim.journal().count(null, null)).isEqualTo(5);
        assertThat(sim.journal().count("get", "/nope")).isEqualTo(1);

        sim.journal().clear();
        assertThat(sim.journal().all()).isEmpty();
        assertThat(sim.tokenRequests()).isZero();
    }

    @Test
    void snapshotsAreImmutable() {
        api("GET", "/groups", null);
        RecordedRequest r = sim.journal().all().get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.headers().put("x", java.util.List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.journal().all().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
