package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** §12.2: the callback URL validation before a subscription is created or its URL changed. */
class WebhookHandshakeTest extends WebhookTestSupport {

    @Test
    void aCallbackEchoingTheTokenIsSubscribed() {
        Group g = sim.state().createGroup("Team");
        String id = subscribe(g.id(), "Group", callback.url(), "secret", "ctx", List.of("TextMessageCreated"));

        CallbackServer.Received probe = callback.gets().get(0);
        assertThat(callback.received()).hasSize(1);
        assertThat(probe.path()).isEqualTo("/kaizala/events");
        assertThat(probe.query()).containsOnlyKeys("validationToken");
        assertThat(probe.header("kz-callback-token")).isNull(); // not sent on the handshake
        Handshake h = sim.webhooks().handshakes().get(0);
        assertThat(h.url()).isEqualTo(callback.url());
        assertThat(h.token()).isEqualTo(probe.query().get("validationToken")).startsWith("kzv-");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.ok()).isTrue();
        assertThat(h.problem()).isNull();
        assertThat(sim.state().webhook(id).orElseThrow().callbackUrl()).isEqualTo(callback.url());
    }

    @Test
    void anExistingQueryIsKept() {
        Group g = sim.state().createGroup("Team");
        String url = callback.url() + "?tenant=42&route=a%2Fb";
        String id = subscribe(g.id(), "Group", url, null, null, List.of("MemberAdded"));

        assertThat(callback.gets().get(0).query()).containsOnlyKeys("tenant", "route", "validationToken")
                .containsEntry("tenant", "42").containsEntry("route", "a/b");
        assertThat(sim.state().webhook(id).orElseThrow().callbackUrl()).isEqualTo(url);
        assertThat(Webhooks.withValidationToken("http://h.example/x?", "t").toString())
                .isEqualTo("http://h.example/x?validationToken=t");
        assertThat(Webhooks.withValidationToken("http://h.example/x#f", "t").toString())
                .isEqualTo("http://h.example/x?validationToken=t#f");
    }

    @Test
    void aWrongAnswerRefusesTheSubscription() {
        Group g = sim.state().createGroup("Team");
        callback.handshake(CallbackServer.HandshakeMode.QUOTED, Duration.ZERO);
        Reply quoted = subscribeReply(g.id(), "Group", callback.url(), null, null, List.of("MemberAdded"));
        assertError(quoted, 400, "CallbackValidationFailed", callback.url());
        assertThat(quoted.json().get("message").asText()).contains("instead of the validationToken");

        callback.handshake(CallbackServer.HandshakeMode.NOT_FOUND, Duration.ZERO);
        assertError(subscribeReply(g.id(), "Group", callback.url(), null, null, List.of("MemberAdded")), 400,
                "CallbackValidationFailed", "answered 404");

        String nobody = "http://127.0.0.1:" + closedPort() + "/hook";
        assertError(subscribeReply(g.id(), "Group", nobody, null, null, List.of("MemberAdded")), 400,
                "CallbackValidationFailed", "could not be reached");

        assertThat(sim.state().webhooks()).isEmpty();
        assertThat(api("GET", "/webhook?objectId=" + g.id() + "&objectType=Group", null).json().get("webhooks"))
                .isEmpty();
        assertThat(sim.webhooks().handshakes()).extracting(Handshake::status, Handshake::ok)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(200, false),
                        org.assertj.core.groups.Tuple.tuple(404, false),
                        org.assertj.core.groups.Tuple.tuple(-1, false));
    }

    @Test
    void aSlowCallbackIsRefusedAfterTheValidationTimeout() {
        restart(KaizalaSimulator.builder().validationTimeout(Duration.ofMillis(300)));
        Group g = sim.state().createGroup("Team");
        callback.handshake(CallbackServer.HandshakeMode.ECHO, Duration.ofMillis(3000));

        long start = System.nanoTime();
        Reply r = subscribeReply(g.id(), "Group", callback.url(), null, null, List.of("MemberAdded"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertError(r, 400, "CallbackValidationFailed", "did not answer within PT0.3S");
        assertThat(millis).isBetween(250L, 2500L);
        assertThat(sim.state().webhooks()).isEmpty();
    }

    @Test
    void objectChecksComeBeforeTheHandshake() {
        assertThat(
                subscribeReply("no-such-group", "Group", callback.url(), null, null, List.of("MemberAdded")).status())
                .isEqualTo(404);
        assertThat(callback.received()).isEmpty();
        assertThat(sim.webhooks().handshakes()).isEmpty();
    }

    @Test
    void changingTheUrlValidatesTheNewOne() {
        Group g = sim.state().createGroup("Team");
        String id = subscribe(g.id(), "Group", callback.url(), null, null, List.of("MemberAdded"));

        assertThat(api("PUT", "/webhook/" + id,
                "{\"eventTypes\":[\"MemberRemoved\"], \"callBackUrl\":\"" + callback.url() + "\"}")
                .status()).isEqualTo(200);
        assertThat(sim.webhooks().handshakes()).hasSize(1); // same URL: no handshake

        String nobody = "http://127.0.0.1:" + closedPort() + "/hook";
        assertError(
                api("PUT", "/webhook/" + id, "{\"callBackUrl\":\"" + nobody + "\", \"eventTypes\":[\"GroupAdded\"]}"),
                400,
                "CallbackValidationFailed", nobody);
        Webhook unchanged = sim.state().webhook(id).orElseThrow();
        assertThat(unchanged.callbackUrl()).isEqualTo(callback.url());
        assertThat(unchanged.eventTypes()).containsExactly("MemberRemoved");

        String other = callback.url("/v2/events");
        assertThat(api("PUT", "/webhook/" + id, "{\"callbackUrl\":\"" + other + "\"}").status()).isEqualTo(200);
        assertThat(sim.state().webhook(id).orElseThrow().callbackUrl()).isEqualTo(other);
        assertThat(callback.gets()).last().extracting(CallbackServer.Received::path).isEqualTo("/v2/events");
        assertThat(sim.webhooks().handshakes()).extracting(Handshake::ok).containsExactly(true, false, true);
    }

    @Test
    void reservedNamesAreRefusedWithoutALookup() {
        Group g = sim.state().createGroup("Team");
        long start = System.nanoTime();
        assertError(subscribeReply(g.id(), "Group", "https://hooks.contoso.example/kaizala/events", null, null,
                List.of("MemberAdded")), 400, "CallbackValidationFailed", "reserved name");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(Webhooks.neverResolves(java.net.URI.create("http://a.invalid./x"))).isTrue();
        assertThat(Webhooks.neverResolves(java.net.URI.create("http://TEST/x"))).isTrue();
        assertThat(Webhooks.neverResolves(java.net.URI.create("http://example.com/x"))).isFalse();
        assertThat(Webhooks.neverResolves(java.net.URI.create("http://127.0.0.1:8080/x"))).isFalse();
    }

    @Test
    void validationCanBeSwitchedOff() {
        restart(KaizalaSimulator.builder().validateCallbacks(false));
        Group g = sim.state().createGroup("Team");
        subscribe(g.id(), "Group", "http://127.0.0.1:" + closedPort() + "/hook", null, null, List.of("MemberAdded"));
        assertThat(sim.webhooks().handshakes()).isEmpty();
    }
}
