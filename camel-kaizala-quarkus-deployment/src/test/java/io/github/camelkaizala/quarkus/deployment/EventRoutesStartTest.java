package io.github.camelkaizala.quarkus.deployment;

import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kaizala:events routes are held back while Camel starts and started once Quarkus's HTTP server listens, with the
 * Dev Services callback; a route the application does not auto-start stays as it is, and other routes start with Camel.
 */
class EventRoutesStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Routes.class))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    CamelContext camel;

    public static class Routes extends RouteBuilder {

        @Override
        public void configure() {
            from("kaizala:events").routeId("events").setBody(constant("taken"));
            from("kaizala:events?webhookPath=/manual").routeId("manual-events").autoStartup(false)
                    .setBody(constant("taken"));
            from("platform-http:/other").routeId("other").setBody(constant("ok"));
        }
    }

    @Test
    void theEventsRouteStartsOnceServingAndAManualOneStaysStopped() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (camel.getRouteController().getRouteStatus("events") != ServiceStatus.Started
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(camel.getRouteController().getRouteStatus("events")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRoute("events").isAutoStartup()).isTrue();
        assertThat(((KaizalaEndpoint) camel.getRoute("events").getEndpoint()).getSubscription().webhookId())
                .isNotBlank();
        assertThat(
                ((KaizalaEndpoint) camel.getRoute("events").getEndpoint()).getConfiguration().getWebhookExternalUrl())
                .matches("http://localhost:\\d+").doesNotEndWith(":0");
        assertThat(camel.getRouteController().getRouteStatus("manual-events")).isEqualTo(ServiceStatus.Stopped);
        assertThat(camel.getRouteController().getRouteStatus("other")).isEqualTo(ServiceStatus.Started);
    }
}
