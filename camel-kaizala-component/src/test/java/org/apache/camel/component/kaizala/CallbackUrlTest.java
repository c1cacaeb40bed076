package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which callback URL the consumer subscribes, and when: the serving server's own address only where Kaizala can reach
 * it, a clear start failure otherwise, and a callback not served yet subscribed in the background.
 */
class CallbackUrlTest extends EventsTestSupport {

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void withoutWebhookExternalUrlTheServingServersAddressIsUsedForAKaizalaOnLoopback() throws Exception {
        String groupId = newGroup("Default callback");
        addRoute("default-url", "kaizala:events?groupId=" + groupId + "&allowInsecureWebhookUrl=true&callbackToken=RAW("
                + CALLBACK_TOKEN + ")");
        assertThat(webhooksOf(groupId)).singleElement()
                .satisfies(w -> assertThat(w.callbackUrl()).isEqualTo(callbackUrl(groupId)));
        String event = "{\"objectId\":\"" + groupId
                + "\",\"objectType\":\"Group\",\"eventType\":\"TextMessageCreated\","
                + "\"eventId\":\"e-default-1\",\"data\":{\"text\":\"hi\"}}";
        getMockEndpoint("mock:default-url").expectedMessageCount(1);
        assertThat(post(callbackUrl(groupId), event, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(200);
        getMockEndpoint("mock:default-url").assertIsSatisfied();
    }

    @Test
    void withoutWebhookExternalUrlARemoteKaizalaFailsAtStartNamingTheOption() {
        String groupId = newGroup("Remote Kaizala");
        simulator.journal().clear();
        assertThatThrownBy(() -> addRoute("remote", "kaizala:events?groupId=" + groupId
                + "&authUrl=https://api.kaiza.la/v1&allowInsecureWebhookUrl=true"))
                .hasMessageContaining("webhookExternalUrl")
                .hasMessageContaining("e.g. webhookExternalUrl=https://hooks.example.com")
                .hasMessageContaining("/kaizala/events/" + groupId)
                .hasMessageNotContaining("0.0.0.0");
        assertThat(simulator.journal().all()).as("nothing sent").isEmpty();
    }

    @Test
    void aCallbackNotServedYetIsSubscribedInTheBackgroundWithHealthDownMeanwhile() throws Exception {
        String groupId = newGroup("Late callback");
        int latePort = unusedPort();
        // as on Camel Quarkus: Camel starts the route before the HTTP server that serves the callback listens
        addRoute("late", "kaizala:events?groupId=" + groupId + "&allowInsecureWebhookUrl=true&callbackToken=RAW("
                + CALLBACK_TOKEN + ")&webhookExternalUrl=http://127.0.0.1:" + latePort);
        assertThat(context.getRouteController().getRouteStatus("late").isStarted()).isTrue();
        assertThat(webhooksOf(groupId)).isEmpty();
        assertThat(health("late").getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(simulator.journal().count("POST", "/webhook")).isGreaterThanOrEqualTo(1);

        Thread.sleep(700);
        HttpServer late = HttpServer.create(new InetSocketAddress("127.0.0.1", latePort), 0);
        late.createContext("/", exchange -> {
            // the application's HTTP server, now listening: forwards the handshake to the Camel callback
            byte[] answer;
            try {
                answer = get(callbackUrl(groupId) + "?" + exchange.getRequestURI().getRawQuery()).body()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IOException(e);
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        late.start();
        try {
            awaitUntil("subscribed once the callback answers", () -> !webhooksOf(groupId).isEmpty());
            assertThat(webhooksOf(groupId)).singleElement()
                    .satisfies(w -> assertThat(w.callbackUrl())
                            .isEqualTo("http://127.0.0.1:" + latePort + "/kaizala/events/" + groupId));
            awaitUntil("health UP", () -> health("late").getState() == HealthCheck.State.UP);
            context.getRouteController().stopRoute("late");
            assertThat(webhooksOf(groupId)).isEmpty();
        } finally {
            late.stop(0);
        }
    }

    @Test
    void stoppingTheRouteStopsTheBackgroundRetries() throws Exception {
        String groupId = newGroup("Never served");
        int nowhere = unusedPort();
        addRoute("never", "kaizala:events?groupId=" + groupId + "&allowInsecureWebhookUrl=true"
                + "&webhookExternalUrl=http://127.0.0.1:" + nowhere);
        awaitUntil("a retry", () -> simulator.journal().count("POST", "/webhook") >= 2);
        context.getRouteController().stopRoute("never");
        Thread.sleep(300);
        int attempts = simulator.journal().count("POST", "/webhook");
        Thread.sleep(2_000);
        assertThat(simulator.journal().count("POST", "/webhook")).isEqualTo(attempts);
        assertThat(webhooksOf(groupId)).isEmpty();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HealthCheck.Result health(String routeId) {
        HealthCheck check = ((HealthCheckAware) context.getRoute(routeId).getConsumer()).getHealthCheck();
        return check.call();
    }
}
