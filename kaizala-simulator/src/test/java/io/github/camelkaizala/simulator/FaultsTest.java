package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_APPLICATION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest extends SimulatorTestSupport {

    @Test
    void statusFaultsAreServedTheGivenNumberOfTimesThenNormalService() {
        Group g = sim.state().createGroup("Team");
        String path = "/groups/" + g.id() + "/messages";
        sim.faults()
                .next(1, "POST", "/groups/.*/messages", Fault.status(429).retryAfter("2"))
                .next(2, null, "/groups/.*/messages", Fault.status(503).retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .next(1, "POST", "/groups/.*/messages", Fault.status(500));
        assertThat(sim.faults().pending()).isEqualTo(4);

        Reply throttled = api("POST", path, "{\"message\":\"1\"}");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        assertThat(throttled.json().get("errorCode").asText()).isEqualTo("TooManyRequests");

        assertThat(api("GET", "/groups", null).status()).isEqualTo(200); // not matching: untouched
        Reply unavailable = api("POST", path, "{\"message\":\"2\"}");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("Wed, 21 Oct 2015 07:28:00 GMT");
        assertThat(api("POST", path, "{\"message\":\"3\"}").status()).isEqualTo(503);
        Reply failed = api("POST", path, "{\"message\":\"4\"}");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("Retry-After")).isNull();
        assertThat(failed.json().get("errorCode").asText()).isEqualTo("InternalServerError");

        assertThat(api("POST", path, "{\"message\":\"5\"}").status()).isEqualTo(200);
        assertThat(sim.faults().pending()).isZero();
        assertThat(sim.state().group(g.id()).orElseThrow().messages()).extracting(Message::text).containsExactly("5");
        assertThat(sim.journal().all()).extracting(RecordedRequest::status).containsExactly(429, 200, 503, 503, 500,
                200);
    }

    @Test
    void randomFaultsHitAboutTheirRateRepeatablyAndYieldToScriptedOnes() {
        Group g = sim.state().createGroup("Chaos");
        String path = "/groups/" + g.id() + "/messages";
        sim.faults().random(0.2, 7, "POST", "/groups/.*/messages", Fault.status(500),
                Fault.status(503).retryAfter("0"));
        sim.faults().next(1, "POST", "/groups/.*/messages", Fault.status(429).retryAfter("1"));

        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(api("POST", path, "{\"message\":\"" + i + "\"}").status());
        }

        assertThat(statuses.get(0)).isEqualTo(429);
        long faulted = statuses.stream().skip(1).filter(s -> s >= 500).count();
        assertThat(faulted).isBetween(20L, 60L);
        assertThat(statuses).containsOnly(429, 200, 500, 503);
        assertThat(api("GET", "/groups", null).status()).isEqualTo(200); // not matching: untouched
        sim.faults().clear();
        assertThat(api("POST", path, "{\"message\":\"after\"}").status()).isEqualTo(200);
    }

    @Test
    void faultsApplyToTheTokenServiceAndBeforeAuthentication() {
        sim.faults().next(1, "GET", "/accessToken", Fault.status(503).retryAfter("1"));
        assertThat(defaultAccessToken().status()).isEqualTo(503);
        assertThat(defaultAccessToken().status()).isEqualTo(200);
        assertThat(sim.tokenRequests()).isEqualTo(1);

        sim.faults().next(1, null, null, Fault.status(500));
        token = "at-forged";
        assertThat(api("GET", "/groups", null).status()).isEqualTo(500);
    }

    @Test
    void clearDropsPendingFaults() {
        sim.faults().next(5, null, null, Fault.status(500));
        sim.faults().clear();
        assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
    }

    @Test
    void relocateFaultMovesTheConnector() {
        Group g = sim.state().createGroup("Team");
        String oldBase = sim.endpointUrl();
        sim.faults().next(1, "POST", "/groups/.*/messages", Fault.relocate());

        Reply moved = api("POST", "/groups/" + g.id() + "/messages", "{\"message\":\"hi\"}");

        assertThat(moved.status()).isEqualTo(308);
        String location = moved.header("Location");
        assertThat(location).isEqualTo(sim.baseUri() + "/kms-2/").isEqualTo(sim.endpointUrl()).isNotEqualTo(oldBase);
        assertThat(moved.json().get("errorCode").asText()).isEqualTo("EndpointChanged");
        // the old base keeps answering 308 for this connector's tokens
        Reply again = send("GET", oldBase + "v1/groups", null, "accessToken", token);
        assertThat(again.status()).isEqualTo(308);
        assertThat(again.header("Location")).isEqualTo(location);
        // the same request on the new base works
        assertThat(send("POST", location + "v1/groups/" + g.id() + "/messages", "{\"message\":\"hi\"}", "accessToken",
                token)
                .status()).isEqualTo(200);
        // later token answers return the new base
        assertThat(defaultAccessToken().json().get("endpointUrl").asText()).isEqualTo(location);
        assertThat(sim.state().group(g.id()).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void relocateOnlyMovesThatConnector() {
        sim.registerConnector("app-2", "secret-2", "rt-2");
        String newBase = sim.relocate(DEFAULT_APPLICATION_ID);

        assertThat(newBase).isEqualTo(sim.endpointUrl()).isEqualTo(sim.baseUri() + "/kms-2/");
        assertThat(sim.endpointUrl("app-2")).isEqualTo(sim.baseUri() + "/kms-1/");
        String other = sim.issueAccessToken("app-2");
        assertThat(send("GET", sim.endpointUrl("app-2") + "v1/groups", null, "accessToken", other).status())
                .isEqualTo(200);
        assertThat(send("GET", newBase + "v1/groups", null, "accessToken", other).status()).isEqualTo(308);
        assertThat(api("GET", "/groups", null).status()).isEqualTo(200);
        assertThat(sim.relocate(DEFAULT_APPLICATION_ID)).isEqualTo(sim.baseUri() + "/kms-3/");
    }

    @Test
    void resetDropsTheConnection() throws IOException {
        sim.faults().next(1, "POST", "/groups", Fault.reset());
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> sendOrThrow(fresh, "POST", sim.endpointUrl() + "v1/groups",
                "{\"name\":\"n\",\"welcomeMessage\":\"w\"}", "accessToken", token))
                .isInstanceOf(IOException.class);

        assertThat(sim.journal().all()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(-1));
        assertThat(sim.state().groups()).isEmpty();
        assertThat(
                sendOrThrow(fresh, "POST", sim.endpointUrl() + "v1/groups", "{\"name\":\"n\",\"welcomeMessage\":\"w\"}",
                        "accessToken", token).status())
                .isEqualTo(200);
    }

    @Test
    void stallDelaysThenServesNormally() {
        sim.faults().next(1, "GET", "/groups", Fault.stall(Duration.ofMillis(400)));
        long start = System.nanoTime();
        Reply r = api("GET", "/groups", null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.status()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
        assertThat(sim.journal().all()).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(200));
    }

    @Test
    void closeDoesNotWaitForAStall() throws Exception {
        sim.faults().next(1, "GET", "/groups", Fault.stall(Duration.ofSeconds(20)));
        var pending = CLIENT
                .sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.endpointUrl() + "v1/groups"))
                        .header("accessToken", token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        long deadline = System.currentTimeMillis() + 5000;
        while (sim.journal().all().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        sim.close();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThatThrownBy(() -> pending.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThatThrownBy(() -> sim.faults().next(0, null, null, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.status(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.reset().retryAfter("1")).isInstanceOf(IllegalStateException.class);
        assertThat(Fault.status(429).retryAfter("2")).hasToString("Fault.status(429).retryAfter(2)");
    }
}
