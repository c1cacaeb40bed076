package org.apache.camel.component.kaizala;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness checks of producers and consumers, and the dev console — and no secret in either. */
class HealthAndConsoleTest extends EventsTestSupport {

    private String groupId;

    @org.junit.jupiter.api.BeforeAll
    static void aSecondConnector() {
        simulator.registerConnector("unhealthy-connector", "right-secret", "right-refresh");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full");
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Health");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").routeId("send").to("kaizala:messages?groupId=" + groupId);
                from("direct:broken").routeId("broken").to("kaizala:messages?groupId=" + groupId
                        + "&applicationId=unhealthy-connector&applicationSecret=RAW(wrong)"
                        + "&refreshToken=RAW(right-refresh)");
                from(eventsUri(groupId, "")).routeId("events").to("mock:events");
            }
        };
    }

    private Map<String, HealthCheck.Result> kaizalaReadiness() {
        for (String repository : List.of("producers", "consumers")) {
            HealthCheckRepository checks = HealthCheckHelper.getHealthCheckRepository(context, repository);
            if (checks != null) {
                checks.setEnabled(true);
            }
        }
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        Map<String, HealthCheck.Result> kaizala = new java.util.TreeMap<>();
        results.stream().filter(
                r -> r.getCheck().getId().startsWith("kaizala-") || r.getCheck().getId().equals("consumer:events"))
                .forEach(r -> kaizala.put(r.getCheck().getId(), r));
        return kaizala;
    }

    @Test
    void readinessSaysWhetherATokenCanBeHadAndTheWebhookIsRegistered() {
        Map<String, HealthCheck.Result> results = kaizalaReadiness();

        assertThat(results).hasSize(3);
        HealthCheck.Result consumer = results.values().stream()
                .filter(r -> r.getCheck().getId().equals("consumer:events"))
                .findFirst().orElseThrow();
        assertThat(consumer.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(consumer.getDetails()).containsKey("kaizala.webhookId").containsEntry("kaizala.token.valid", true);
        assertThat(results.values()).filteredOn(r -> r.getState() == HealthCheck.State.DOWN).singleElement()
                .satisfies(down -> {
                    assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("HTTP 401"));
                    assertThat(down.getDetails().toString()).doesNotContain("wrong").doesNotContain("right-refresh");
                });
        assertThat(results.values()).filteredOn(r -> r.getState() == HealthCheck.State.UP).hasSize(2)
                .allSatisfy(up -> assertThat(up.getDetails()).containsEntry("kaizala.endpointUrl",
                        simulator.endpointUrl().replaceAll("/$", "")));
    }

    @Test
    void theDevConsoleShowsConnectorsAndWebhooksWithoutSecrets() {
        kaizalaReadiness(); // makes every connector fetch its token
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("kaizala");
        assertThat(console).isInstanceOf(KaizalaDevConsole.class);

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Connector " + KaizalaSimulator.DEFAULT_APPLICATION_ID).contains("tokenValid: true")
                .contains("Connector unhealthy-connector").contains("lastTokenFailure: KaizalaApiException")
                .contains("Webhook ").contains("createdByThisConsumer: true");
        assertThat((List<?>) json.get("connectors")).hasSize(2);
        List<String> secrets = new java.util.ArrayList<>(List.of(KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                KaizalaSimulator.DEFAULT_REFRESH_TOKEN, "wrong", "right-refresh", CALLBACK_TOKEN));
        simulator.journal().all().stream().map(r -> r.header("accessToken")).filter(java.util.Objects::nonNull)
                .forEach(secrets::add);
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
            assertThat(json.toString()).doesNotContain(secret);
        }
    }
}
