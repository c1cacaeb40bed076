package org.apache.camel.component.kaizala;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkaizala.simulator.Webhook;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.event.ActionCreatedData;
import org.apache.camel.component.kaizala.event.ActionResponseData;
import org.apache.camel.component.kaizala.event.AnnouncementData;
import org.apache.camel.component.kaizala.event.AttachmentData;
import org.apache.camel.component.kaizala.event.EventData;
import org.apache.camel.component.kaizala.event.JobCreatedData;
import org.apache.camel.component.kaizala.event.JobResponseData;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.MemberData;
import org.apache.camel.component.kaizala.event.OpaqueData;
import org.apache.camel.component.kaizala.event.TextMessageData;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's callback and subscription, driven by plain HTTP calls and observed in the simulator. */
class EventsConsumerTest extends EventsTestSupport {

    private String groupId;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Events");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "maxBodySize=4000&callbackContext=crm")).routeId("events")
                        .process(e -> {
                            if (failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("the route is not ready yet");
                            }
                        })
                        .to("mock:events");
            }
        };
    }

    private static String fixture(String eventType) throws Exception {
        try (InputStream in = EventsConsumerTest.class
                .getResourceAsStream("/kaizala-api/events/" + eventType + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withEventId(String json, String eventId) {
        return json.replaceFirst("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + eventId + "\"");
    }

    private Map<String, String> token() {
        return Map.of("kz-callback-token", CALLBACK_TOKEN);
    }

    @Test
    void theSubscriptionIsCreatedOnStartAndDeletedOnStop() throws Exception {
        List<Webhook> webhooks = simulator.state().webhooks().stream().filter(w -> groupId.equals(w.objectId()))
                .toList();
        assertThat(webhooks).singleElement().satisfies(w -> {
            assertThat(w.objectType()).isEqualTo("Group");
            assertThat(w.callbackUrl()).isEqualTo(callbackUrl(groupId));
            assertThat(w.callbackToken()).isEqualTo(CALLBACK_TOKEN);
            assertThat(w.context()).isEqualTo("crm");
            assertThat(w.eventTypes()).hasSize(13);
            assertThat(w.active()).isTrue();
        });
        KaizalaEndpoint endpoint = (KaizalaEndpoint) context.getRoute("events").getEndpoint();
        assertThat(endpoint.getSubscription().webhookId()).isEqualTo(webhooks.get(0).id());

        context.getRouteController().stopRoute("events");

        assertThat(simulator.state().webhooks()).noneMatch(w -> groupId.equals(w.objectId()));
        assertThat(simulator.journal().matching("DELETE", "/webhook/.+")).extracting(r -> r.resourcePath())
                .containsExactly("/webhook/" + webhooks.get(0).id());
    }

    @Test
    void theValidationGetIsAnsweredWithItsToken() throws Exception {
        var answer = get(callbackUrl(groupId) + "?validationToken=kzv-1c9e53a07b2d4f7f");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("kzv-1c9e53a07b2d4f7f");
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(get(callbackUrl(groupId)).statusCode()).isEqualTo(400);
        getMockEndpoint("mock:events").expectedMessageCount(0);
        getMockEndpoint("mock:events").assertIsSatisfied(100);
    }

    @Test
    void aDeliveryReachesTheRouteAsATypedEventWithHeaders() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        var answer = post(callbackUrl(groupId), fixture("TextMessageCreated"), token());

        assertThat(answer.statusCode()).isEqualTo(200);
        events.assertIsSatisfied();
        Exchange received = events.getReceivedExchanges().get(0);
        KaizalaEvent event = received.getMessage().getBody(KaizalaEvent.class);
        assertThat(event.type()).isEqualTo(KaizalaEvent.Type.TextMessageCreated);
        assertThat(event.dataAs(TextMessageData.class).text())
                .isEqualTo("Stock for SKU 1142 has arrived at the Pune depot.");
        assertThat(event.rawJson()).contains("\"eventType\": \"TextMessageCreated\"");
        assertThat(received.getMessage().getHeaders())
                .containsEntry(KaizalaConstants.EVENT_TYPE, "TextMessageCreated")
                .containsEntry(KaizalaConstants.EVENT_ID, "32c2ba72-06b1-4b92-86be-ac35ca477a20")
                .containsEntry(KaizalaConstants.OBJECT_TYPE, "Group")
                .containsEntry(KaizalaConstants.OBJECT_ID, "7893777d-3eb6-4604-a0c8-5e002abdb410")
                .containsEntry(KaizalaConstants.GROUP_ID, "7893777d-3eb6-4604-a0c8-5e002abdb410")
                .containsEntry(KaizalaConstants.FROM_USER, "+919800000102")
                .containsEntry(KaizalaConstants.CONTEXT, "crm-sync:tenant-42")
                .doesNotContainKey("kz-callback-token");
    }

    @ParameterizedTest
    @CsvSource({
            "TextMessageCreated, TextMessageData", "AttachmentCreated, AttachmentData",
            "Announcement, AnnouncementData",
            "JobCreated, JobCreatedData", "JobResponse, JobResponseData", "SurveyCreated, ActionCreatedData",
            "ActionCreated, ActionCreatedData", "SurveyResponse, ActionResponseData",
            "ActionResponse, ActionResponseData",
            "MemberAdded, MemberData", "MemberRemoved, MemberData", "GroupAdded, OpaqueData",
            "GroupRemoved, OpaqueData"})
    void everyDocumentedPayloadReadsAsItsTypedData(String eventType, String dataType) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        assertThat(post(callbackUrl(groupId), fixture(eventType), token()).statusCode()).isEqualTo(200);

        events.assertIsSatisfied();
        KaizalaEvent event = events.getReceivedExchanges().get(0).getMessage().getBody(KaizalaEvent.class);
        assertThat(event.eventType()).isEqualTo(eventType);
        EventData data = event.data();
        assertThat(data.getClass().getSimpleName()).isEqualTo(dataType);
        if (data instanceof AttachmentData a) {
            assertThat(a.media().get(0).mediaUrl()).startsWith("https://");
        } else if (data instanceof AnnouncementData a) {
            assertThat(a.media().get(0).mediaUrl()).startsWith("https://");
        } else if (data instanceof JobCreatedData j) {
            assertThat(j.assignedTo()).isNotEmpty();
        } else if (data instanceof JobResponseData j) {
            assertThat(j.completed()).isTrue();
        } else if (data instanceof ActionResponseData r) {
            assertThat(r.answers()).isNotEmpty().allSatisfy(q -> assertThat(q.title()).isNotBlank());
        } else if (data instanceof ActionCreatedData c) {
            assertThat(c.actionId()).isNotBlank();
        } else if (data instanceof MemberData m) {
            assertThat(m.member()).startsWith("+");
        } else if (data instanceof OpaqueData o) {
            assertThat(o.json().get("groupId").asText()).isNotBlank();
        } else {
            assertThat(((TextMessageData) data).text()).isNotBlank();
        }
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndNothingIsRouted() throws Exception {
        String body = fixture("TextMessageCreated");

        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", "forged")).statusCode()).isEqualTo(401);
        assertThat(post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN + "x")).statusCode())
                .isEqualTo(401);
        assertThat(post(callbackUrl(groupId), body, Map.of()).statusCode()).isEqualTo(401);

        getMockEndpoint("mock:events").expectedMessageCount(0);
        getMockEndpoint("mock:events").assertIsSatisfied(200);
        // the event itself was never taken: a genuine delivery of it still goes through
        getMockEndpoint("mock:events").reset();
        getMockEndpoint("mock:events").expectedMessageCount(1);
        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(200);
        getMockEndpoint("mock:events").assertIsSatisfied();
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() throws Exception {
        assertThat(post(callbackUrl(groupId), "{not json", token()).statusCode()).isEqualTo(400);
        assertThat(post(callbackUrl(groupId), "[1, 2]", token()).statusCode()).isEqualTo(400);
        assertThat(post(callbackUrl(groupId), "{\"eventType\": \"TextMessageCreated\"}", token()).statusCode())
                .isEqualTo(400);
        String oversized = withEventId(fixture("TextMessageCreated"), "big").replace("Stock for", "x".repeat(5000));
        assertThat(post(callbackUrl(groupId), oversized, token()).statusCode()).isEqualTo(413);

        getMockEndpoint("mock:events").expectedMessageCount(0);
        getMockEndpoint("mock:events").assertIsSatisfied(200);
    }

    @Test
    void aDuplicateEventIdIsAnsweredButRoutedOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        String body = withEventId(fixture("SurveyResponse"), UUID.randomUUID().toString());

        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(200);
        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(200);
        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(200);

        events.assertIsSatisfied(200);
    }

    @Test
    void aFailingRouteAnswers5xxSoThatTheRedeliveryIsProcessedOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        failuresLeft.set(2);
        String body = withEventId(fixture("JobResponse"), UUID.randomUUID().toString());

        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(500);
        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(500);
        var third = post(callbackUrl(groupId), body, token());
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(post(callbackUrl(groupId), body, token()).statusCode()).isEqualTo(200);

        events.assertIsSatisfied(200);
    }
}
