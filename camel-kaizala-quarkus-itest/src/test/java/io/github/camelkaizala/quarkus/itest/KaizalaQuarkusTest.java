package io.github.camelkaizala.quarkus.itest;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import io.github.camelkaizala.simulator.Delivery;
import io.github.camelkaizala.simulator.Message;
import io.github.camelkaizala.simulator.Webhook;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.quarkus.itest.KaizalaSimulatorResource.groupId;
import static io.github.camelkaizala.quarkus.itest.KaizalaSimulatorResource.simulator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Quarkus application of this module (YAML routes in src/main/resources/routes) on Camel Quarkus 3.31.0: a
 * platform-http request makes a route send through kaizala:messages, and a kaizala:events route receives the events
 * the simulator delivers to Quarkus's HTTP server.
 */
@QuarkusTest
@WithTestResource(KaizalaSimulatorResource.class)
class KaizalaQuarkusTest {

    @Inject
    CamelContext camel;

    @Inject
    ReceivedEvents received;

    @Test
    void runsOnCamel4170() {
        assertThat(camel.getVersion()).isEqualTo("4.17.0");
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("send-to-kaizala", "kaizala-events");
    }

    @Test
    void aYamlRouteSendsThroughTheComponent() {
        String referenceId = given().body("Hello from Camel Quarkus")
                .when().post("/kaizala/messages")
                .then().statusCode(200)
                .extract().asString();

        List<Message> messages = simulator.state().group(groupId).orElseThrow().messages();
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.referenceId()).isEqualTo(referenceId);
            assertThat(m.text()).isEqualTo("Hello from Camel Quarkus");
        });
    }

    @Test
    void aYamlRouteReceivesEventsOverPlatformHttp() {
        // the route subscribed on start (retried by the supervising route controller until Quarkus's HTTP server
        // listened): Kaizala's validation handshake reached the callback
        Webhook webhook = await("the kaizala-events route subscribes", () -> simulator.state().webhooks().stream()
                .filter(w -> w.objectId().equals(groupId)).findFirst().orElse(null));
        assertThat(webhook.callbackUrl())
                .isEqualTo("http://127.0.0.1:" + KaizalaSimulatorResource.httpPort + "/kaizala/events/" + groupId);
        assertThat(simulator.webhooks().handshakes()).anySatisfy(h -> assertThat(h.ok()).isTrue());

        // events of earlier tests (the send above makes a TextMessageCreated too) are delivered first
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        int before = (int) simulator.deliveries().stream().filter(Delivery::delivered).count();

        simulator.human(KaizalaSimulatorResource.MEMBER).postText(groupId, "Hi from a Kaizala user");

        // Kaizala hears 200 only once the route took the event
        List<Delivery> delivered = simulator.awaitDelivered(before + 1, Duration.ofSeconds(10));
        Delivery ours = delivered.get(delivered.size() - 1);
        assertThat(ours.status()).isEqualTo(200);
        assertThat(ours.eventType()).isEqualTo("TextMessageCreated");
        assertThat(received.events()).anySatisfy(e -> {
            assertThat(e.eventId()).isEqualTo(ours.eventId());
            assertThat(e.eventType()).isEqualTo("TextMessageCreated");
            assertThat(e.fromUser()).isEqualTo(KaizalaSimulatorResource.MEMBER);
            assertThat(e.text()).isEqualTo("Hi from a Kaizala user");
        });
    }

    private static <T> T await(String what, Supplier<T> value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (T v = value.get(); ; v = value.get()) {
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
