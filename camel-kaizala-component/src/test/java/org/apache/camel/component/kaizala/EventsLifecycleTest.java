package org.apache.camel.component.kaizala;

import java.util.Map;
import java.util.Properties;

import io.github.camelkaizala.simulator.Webhook;
import org.apache.camel.Consumer;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.RestRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subscription reuse across restarts, re-activation, the YAML DSL consumer, and webhook:kaizala:events. */
class EventsLifecycleTest extends EventsTestSupport {

    @Test
    void aSubscriptionIsReusedOnRestartAndReactivated() throws Exception {
        String groupId = newGroup("Restart");
        addRoute("kept", eventsUri(groupId, "webhookAutoUnregister=false"));
        String webhookId = webhooksOf(groupId).get(0).id();

        context.getRouteController().stopRoute("kept");
        assertThat(webhooksOf(groupId)).extracting(Webhook::id).containsExactly(webhookId);
        // Kaizala disables a webhook whose deliveries kept failing
        template.sendBodyAndHeader("kaizala:webhooks/update", false, KaizalaConstants.WEBHOOK_ID, webhookId);
        assertThat(webhooksOf(groupId).get(0).active()).isFalse();
        simulator.journal().clear();

        context.getRouteController().startRoute("kept");

        assertThat(webhooksOf(groupId)).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(webhookId);
            assertThat(w.active()).isTrue();
        });
        assertThat(simulator.journal().count("POST", "/webhook")).isZero();
        assertThat(simulator.journal().matching("PUT", "/webhook/.+")).singleElement()
                .satisfies(r -> assertThat(r.bodyJson().get("Active").asBoolean()).isTrue());
        context.getRouteController().stopRoute("kept");
        assertThat(webhooksOf(groupId)).hasSize(1); // still not ours to delete: this start did not create it
    }

    /**
     * As camel-webhook does: the HTTP server component is located (created) when the consumer is created, not when it
     * starts — Camel JBang creates components while it starts routes, and found platform-http half-created then — and
     * the callback's two methods are listed in Camel's RestRegistry.
     */
    @Test
    void theHttpServerIsLocatedWhenTheConsumerIsCreatedAndTheCallbackIsInTheRestRegistry() throws Exception {
        String groupId = newGroup("Located at creation");
        assertThat(context.hasComponent("platform-http")).isNull();
        Consumer consumer = context.getEndpoint(eventsUri(groupId, "")).createConsumer(exchange -> {
        });
        assertThat(context.hasComponent("platform-http")).isNotNull();
        assertThat(context.getRestRegistry().listAllRestServices())
                .filteredOn(service -> service.getBasePath().equals("/kaizala/events/" + groupId))
                .extracting(RestRegistry.RestService::getMethod).containsExactlyInAnyOrder("GET", "POST");
        assertThat(webhooksOf(groupId)).as("not subscribed before it starts").isEmpty();
        ServiceHelper.stopAndShutdownService(consumer);
        assertThat(context.getRestRegistry().listAllRestServices())
                .noneMatch(service -> service.getBasePath().equals("/kaizala/events/" + groupId));
    }

    @Test
    void aPlainHttpCallbackIsRefusedUnlessAllowed() {
        String groupId = newGroup("Insecure");
        assertThatThrownBy(() -> addRoute("insecure", "kaizala:events?groupId=" + groupId
                + "&webhookExternalUrl=http://127.0.0.1:" + port))
                .hasStackTraceContaining("webhookExternalUrl: Kaizala calls HTTPS callbacks only");
        assertThat(webhooksOf(groupId)).isEmpty();
    }

    @Test
    void aConsumerNeedsAGroupOrAnObject() {
        assertThatThrownBy(() -> addRoute("nothing", "kaizala:events?allowInsecureWebhookUrl=true"))
                .rootCause().hasMessageContaining("objectId: required — kaizala:events needs the groupId option");
    }

    @Test
    void aYamlRouteReceivesEvents() throws Exception {
        String groupId = newGroup("YAML events");
        Properties properties = new Properties();
        properties.setProperty("kaizala.group-id", groupId);
        properties.setProperty("kaizala.callback-base-url", "http://127.0.0.1:" + port);
        properties.setProperty("kaizala.callback-token", CALLBACK_TOKEN);
        context.getPropertiesComponent().setOverrideProperties(properties);
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/receive-events.yaml"));
        assertThat(webhooksOf(groupId)).singleElement()
                .satisfies(w -> assertThat(w.eventTypes()).containsExactly("TextMessageCreated", "SurveyResponse"));

        MockEndpoint texts = getMockEndpoint("mock:texts");
        texts.expectedBodiesReceived("hello from YAML");
        String event = "{\"objectId\":\"" + groupId
                + "\",\"objectType\":\"Group\",\"eventType\":\"TextMessageCreated\","
                + "\"eventId\":\"e-yaml-1\",\"data\":{\"text\":\"hello from YAML\"}}";
        assertThat(post(callbackUrl(groupId), event, Map.of("kz-callback-token", CALLBACK_TOKEN)).statusCode())
                .isEqualTo(200);
        texts.assertIsSatisfied();
    }

    @Test
    void webhookKaizalaEventsWorksThroughCamelWebhook() throws Exception {
        String groupId = newGroup("Through camel-webhook");
        addRoute("through-webhook", "webhook:kaizala:events?groupId=" + groupId + "&allowInsecureWebhookUrl=true"
                + "&callbackToken=RAW(" + CALLBACK_TOKEN + ")&webhookExternalUrl=http://127.0.0.1:" + port
                + "&webhookPath=/hooks/kaizala&webhookComponentName=platform-http");
        // camel-webhook subscribes before its callback is served: the endpoint retries until Kaizala's check passes
        long deadline = System.currentTimeMillis() + 10_000;
        while (webhooksOf(groupId).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(webhooksOf(groupId)).singleElement()
                .satisfies(w -> assertThat(w.callbackUrl()).isEqualTo("http://127.0.0.1:" + port + "/hooks/kaizala"));

        MockEndpoint received = getMockEndpoint("mock:through-webhook");
        received.expectedMessageCount(1);
        String event = "{\"objectId\":\"" + groupId + "\",\"objectType\":\"Group\",\"eventType\":\"MemberAdded\","
                + "\"eventId\":\"e-webhook-1\",\"data\":{\"member\":\"+15550100009\",\"type\":\"Member\"}}";
        assertThat(get("http://127.0.0.1:" + port + "/hooks/kaizala?validationToken=abc").body()).isEqualTo("abc");
        assertThat(
                post("http://127.0.0.1:" + port + "/hooks/kaizala", event, Map.of("kz-callback-token", CALLBACK_TOKEN))
                        .statusCode())
                .isEqualTo(200);
        received.assertIsSatisfied();
        assertThat(received.getReceivedExchanges().get(0).getMessage().getHeader(KaizalaConstants.EVENT_TYPE))
                .isEqualTo("MemberAdded");

        // camel-webhook ties the subscription to its endpoint, which stops with the context
        context.stop();
        assertThat(webhooksOf(groupId)).isEmpty();
    }
}
