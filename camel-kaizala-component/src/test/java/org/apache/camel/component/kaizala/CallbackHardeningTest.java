package org.apache.camel.component.kaizala;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.OpaqueData;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The callback under redelivery and odd input, driven by real HTTP calls: a redelivery of an event still being routed,
 * event ids that are not strings, the unauthenticated validation handshake, and event types beyond the documented 13.
 */
class CallbackHardeningTest extends EventsTestSupport {

    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private String groupId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Hardening");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "")).routeId("events")
                        .process(e -> {
                            if ("slow".equals(e.getMessage().getHeader(KaizalaConstants.EVENT_ID))) {
                                slowEntered.countDown();
                                assertThat(slowRelease.await(10, TimeUnit.SECONDS)).isTrue();
                            }
                        })
                        .to("mock:events");
            }
        };
    }

    private String event(String eventType, String eventIdJson) {
        return "{\"objectId\":\"" + groupId + "\",\"objectType\":\"Group\",\"eventType\":\"" + eventType + "\","
                + "\"eventId\":" + eventIdJson + ",\"data\":{\"text\":\"hi\",\"question\":\"Which day?\"}}";
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        return post(callbackUrl(groupId), body, Map.of("kz-callback-token", CALLBACK_TOKEN));
    }

    @Test
    void aRedeliveryOfAnEventStillBeingRoutedIsAnsweredTryLater() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return deliver(event("TextMessageCreated", "\"slow\""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> redelivery = deliver(event("TextMessageCreated", "\"slow\""));
        assertThat(redelivery.statusCode()).isEqualTo(503);
        slowRelease.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        // once processed, a redelivery is a duplicate: 200, not routed again
        assertThat(deliver(event("TextMessageCreated", "\"slow\"")).statusCode()).isEqualTo(200);
        events.assertIsSatisfied();
    }

    @Test
    void anEventIdThatIsNotANonEmptyStringIsRefused() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        for (String eventId : new String[]{"\"\"", "\"  \"", "42", "{}", "[\"a\"]", "null", "true"}) {
            HttpResponse<String> answer = deliver(event("TextMessageCreated", eventId));
            assertThat(answer.statusCode()).as("eventId " + eventId).isEqualTo(400);
            assertThat(answer.body()).as("eventId " + eventId).contains("eventId");
        }
        assertThat(deliver(event("TextMessageCreated", "\"\"").replace(",\"eventId\":\"\"", "")).statusCode())
                .isEqualTo(400);
        events.expectedMessageCount(1);
        assertThat(deliver(event("TextMessageCreated", "\"a-real-id\"")).statusCode()).isEqualTo(200);
        events.assertIsSatisfied();
        assertThat(events.getReceivedExchanges().get(0).getMessage().getHeader(KaizalaConstants.EVENT_ID))
                .isEqualTo("a-real-id");
    }

    @Test
    void theValidationHandshakeAnswersPlainTextThatIsNotSniffedAndBounded() throws Exception {
        HttpResponse<String> answer = get(callbackUrl(groupId) + "?validationToken=%3Cscript%3E");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("<script>");
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        String longest = "t".repeat(1024);
        assertThat(get(callbackUrl(groupId) + "?validationToken=" + longest).body()).isEqualTo(longest);
        HttpResponse<String> tooLong = get(callbackUrl(groupId) + "?validationToken=" + longest + "t");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain(longest).contains("1024");
    }

    @Test
    void undocumentedAndUnknownEventTypesReachTheRouteWithTheirJson() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(5);
        for (String type : new String[]{"PollCreated", "PollResponse", "LetsMeetCreated", "LetsMeetResponse",
                "SomethingKaizalaAddsLater"}) {
            assertThat(deliver(event(type, "\"id-" + type + "\"")).statusCode()).as(type).isEqualTo(200);
        }
        events.assertIsSatisfied();
        for (Exchange exchange : events.getReceivedExchanges()) {
            KaizalaEvent event = exchange.getMessage().getBody(KaizalaEvent.class);
            assertThat(exchange.getMessage().getHeader(KaizalaConstants.EVENT_TYPE)).isEqualTo(event.eventType());
            assertThat(event.data()).isInstanceOf(OpaqueData.class);
            assertThat(event.dataAs(OpaqueData.class).json().get("question").asText()).isEqualTo("Which day?");
            assertThat(event.rawJson()).contains("\"eventType\":\"" + event.eventType() + "\"");
        }
        assertThat(events.getReceivedExchanges().get(0).getMessage().getBody(KaizalaEvent.class).type())
                .isEqualTo(KaizalaEvent.Type.PollCreated);
        assertThat(events.getReceivedExchanges().get(4).getMessage().getBody(KaizalaEvent.class).type()).isNull();
    }

    @Test
    void eventTypesAcceptsTheUndocumentedFourAndRefusesAnUnknownOneBeforeSubscribing() throws Exception {
        assertThat(KaizalaEvent.Type.names()).hasSize(17)
                .contains("PollCreated", "PollResponse", "LetsMeetCreated", "LetsMeetResponse");
        assertThat(KaizalaEvent.Type.documentedNames()).hasSize(13).doesNotContain("PollCreated");
        String other = newGroup("Unknown type");
        simulator.journal().clear();
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(other, "eventTypes=TextMessageCreated,PollClosed")).to("mock:never");
            }
        })).rootCause().hasMessageContaining("unknown event type 'PollClosed'")
                .hasMessageContaining("LetsMeetResponse");
        assertThat(simulator.journal().all()).isEmpty();
    }
}
