package io.github.camelkaizala.quarkus.itest;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.Webhook;
import org.apache.camel.component.kaizala.model.WebhooksResponse;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.spi.SupervisingRouteController;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The Quarkus application of this module (YAML routes in src/main/resources/routes) on the camel-kaizala-quarkus
 * extension, with nothing configured for Kaizala and no test resource: the extension's Dev Services start the Kaizala
 * simulator and point the component at it. A platform-http request makes a route send through kaizala:messages; the
 * simulator turns the message into a TextMessageCreated event and delivers it to the kaizala:events route on Quarkus's
 * HTTP server.
 */
@QuarkusTest
class KaizalaQuarkusTest {

    /** The connector's user in the simulator: the author of what the application posts. */
    static final String SIMULATOR_USER = "+15550100000";

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate producer;

    @Inject
    ReceivedEvents received;

    @Inject
    RouteStarts routeStarts;

    @ConfigProperty(name = "kaizala.devservices.group-id")
    String groupId;

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "camel.component.kaizala.auth-url")
    String authUrl;

    @Test
    void devServicesPointTheComponentAtTheSimulator() {
        assertThat(camel.getVersion()).isEqualTo("4.17.0");
        assertThat(authUrl).matches("http://127\\.0\\.0\\.1:\\d+/v1");
        assertThat(groupId).isNotBlank();
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).contains("send-to-kaizala", "kaizala-events");
    }

    @Test
    void theEventsRouteStartsOnceTheHttpServerListensWithoutARouteController() {
        assertThat(camel.getRouteController()).isNotInstanceOf(SupervisingRouteController.class);
        awaitTrue("the kaizala-events route started",
                () -> camel.getRouteController().getRouteStatus("kaizala-events") == ServiceStatus.Started);
        // the other routes start with Camel, before the server listens; the events route only once it does
        assertThat(routeStarts.serverListening()).containsEntry("send-to-kaizala", false)
                .containsEntry("kaizala-events", true);

        // what Kaizala holds: one active subscription of the group, calling back this application on its test port
        int port = root.getPort();
        WebhooksResponse webhooks = producer.requestBodyAndHeader("kaizala:webhooks/list", null,
                KaizalaConstants.OBJECT_ID, groupId, WebhooksResponse.class);
        List<Webhook> ours = webhooks.webhooks();
        assertThat(ours).singleElement().satisfies(webhook -> {
            assertThat(webhook.callbackUrl()).isEqualTo(
                    "http://localhost:" + port + "/kaizala/events/" + groupId);
            assertThat(webhook.active()).isNotEqualTo(Boolean.FALSE);
        });
    }

    @Test
    void aRouteSendsToTheSimulatorAndTheEventsRouteReceivesTheMessageBack() {
        String text = "Hello from Camel Quarkus " + UUID.randomUUID();
        String referenceId = given().body(text)
                .when().post("/kaizala/messages")
                .then().statusCode(200)
                .extract().asString();
        assertThat(referenceId).isNotBlank();

        awaitTrue("the TextMessageCreated event of the message sent", () -> received.events().stream()
                .anyMatch(e -> text.equals(e.text())));
        assertThat(received.events()).filteredOn(e -> text.equals(e.text())).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("TextMessageCreated");
            assertThat(e.fromUser()).isEqualTo(SIMULATOR_USER);
            assertThat(e.eventId()).isNotBlank();
        });
    }

    @Test
    void theComponentsHealthChecksAreUpInQuarkusHealth() {
        awaitTrue("the kaizala-events route started",
                () -> camel.getRouteController().getRouteStatus("kaizala-events") == ServiceStatus.Started);
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'camel-consumers' }.status", equalTo("UP"));
        // among them, the kaizala:events consumer's own check (token obtainable, webhook registered)
        List<HealthCheck> consumers = HealthCheckHelper.getHealthCheckRepository(camel, "consumers").stream().toList();
        assertThat(consumers).extracting(HealthCheck::getId).contains("consumer:kaizala-events");
        HealthCheck.Result result = consumers.stream().filter(c -> c.getId().equals("consumer:kaizala-events"))
                .findFirst().orElseThrow().call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsKey("kaizala.webhookId");
    }

    private static void awaitTrue(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
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
