package org.apache.camel.component.kaizala;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkaizala.simulator.Delivery;
import io.github.camelkaizala.simulator.Human;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.event.ActionCreatedData;
import org.apache.camel.component.kaizala.event.ActionResponseData;
import org.apache.camel.component.kaizala.event.AnnouncementData;
import org.apache.camel.component.kaizala.event.AttachmentData;
import org.apache.camel.component.kaizala.event.JobCreatedData;
import org.apache.camel.component.kaizala.event.JobResponseData;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.MemberData;
import org.apache.camel.component.kaizala.event.OpaqueData;
import org.apache.camel.component.kaizala.event.TextMessageData;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events as Kaizala sends them: the simulator delivers every event type to a {@code kaizala:events} route, with
 * deliberate duplicates, and retries what the route failed.
 */
class EventsEndToEndTest extends EventsTestSupport {

    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private String groupId;

    @BeforeAll
    static void aSimulatorThatDuplicatesEveryDelivery() {
        simulator.close();
        simulator = KaizalaSimulator.builder().duplicateRate(1.0).start();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("End to end");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "callbackContext=e2e")).routeId("events")
                        .process(e -> {
                            if (failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("the route fails this time");
                            }
                            processed.computeIfAbsent(e.getMessage().getHeader(KaizalaConstants.EVENT_ID, String.class),
                                    id -> new AtomicInteger()).incrementAndGet();
                        })
                        .to("mock:events");
            }
        };
    }

    @Test
    void everyEventTypeArrivesOnceWithItsTypedData() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(14);
        Human alice = simulator.human("+15550100011");
        Human bob = simulator.human("+15550100012");
        alice.join(groupId); // MemberAdded
        alice.postText(groupId, "hello from Alice"); // TextMessageCreated
        alice.postAttachment(groupId, "shelf.jpg", "image/jpeg", "Shelf 17"); // AttachmentCreated
        alice.postAnnouncement(groupId, "Prices", "New prices from Monday"); // Announcement
        var survey = alice.postSurvey(groupId, "Stock check", "Store code"); // SurveyCreated
        bob.join(groupId); // MemberAdded
        bob.answerSurvey(groupId, survey.actionId(), "ST-017"); // SurveyResponse
        var job = alice.postJob(groupId, "Restock", bob.mobile()); // JobCreated
        bob.completeJob(groupId, job.actionId()); // JobResponse
        var audit = alice.postCustomAction(groupId, "com.contoso.audit",
                Map.of("title", "Audit", "questions", List.of(Map.of("title", "Region", "type", "Text")))); // ActionCreated
        bob.respondToAction(groupId, audit.actionId(), "North"); // ActionResponse
        String child = newGroup("Child");
        simulator.linkSubGroup(groupId, child); // GroupAdded
        simulator.unlinkSubGroup(groupId, child); // GroupRemoved
        bob.leave(groupId); // MemberRemoved

        events.assertIsSatisfied(10_000);
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();

        Map<String, Class<?>> expected = Map.ofEntries(
                Map.entry("TextMessageCreated", TextMessageData.class),
                Map.entry("AttachmentCreated", AttachmentData.class),
                Map.entry("Announcement", AnnouncementData.class), Map.entry("SurveyCreated", ActionCreatedData.class),
                Map.entry("SurveyResponse", ActionResponseData.class), Map.entry("JobCreated", JobCreatedData.class),
                Map.entry("JobResponse", JobResponseData.class), Map.entry("ActionCreated", ActionCreatedData.class),
                Map.entry("ActionResponse", ActionResponseData.class), Map.entry("MemberAdded", MemberData.class),
                Map.entry("MemberRemoved", MemberData.class), Map.entry("GroupAdded", OpaqueData.class),
                Map.entry("GroupRemoved", OpaqueData.class));
        List<KaizalaEvent> received = events.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(KaizalaEvent.class)).toList();
        assertThat(received).extracting(KaizalaEvent::eventType).containsAll(expected.keySet());
        for (KaizalaEvent event : received) {
            assertThat(event.data()).as(event.eventType()).isInstanceOf(expected.get(event.eventType()));
            assertThat(event.context()).isEqualTo("e2e");
            assertThat(event.objectId()).isEqualTo(groupId);
        }
        KaizalaEvent text = received.stream().filter(e -> e.type() == KaizalaEvent.Type.TextMessageCreated).findFirst()
                .orElseThrow();
        assertThat(text.dataAs(TextMessageData.class).text()).isEqualTo("hello from Alice");
        assertThat(text.fromUser()).isEqualTo("+15550100011");
        KaizalaEvent answer = received.stream().filter(e -> e.type() == KaizalaEvent.Type.SurveyResponse).findFirst()
                .orElseThrow();
        assertThat(answer.dataAs(ActionResponseData.class).answers()).singleElement()
                .satisfies(q -> assertThat(q.answerText()).isEqualTo("ST-017"));
        assertThat(received.stream().filter(e -> e.type() == KaizalaEvent.Type.JobResponse).findFirst().orElseThrow()
                .dataAs(JobResponseData.class).completed()).isTrue();

        List<Delivery> deliveries = simulator.deliveries();
        assertThat(deliveries).anyMatch(Delivery::duplicate);
        assertThat(processed.values()).as("every event once, duplicates dropped")
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(processed).hasSize(14);
    }

    @Test
    void aRouteThatFailsTwiceGetsTheEventOnceInTheEnd() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        Human carol = simulator.human("+15550100013");
        carol.join(groupId);
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue(); // her MemberAdded, taken
        events.reset();
        events.expectedMessageCount(1);
        failuresLeft.set(2);

        carol.postText(groupId, "third time lucky");

        events.assertIsSatisfied(10_000);
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        String eventId = events.getReceivedExchanges().get(0).getMessage().getHeader(KaizalaConstants.EVENT_ID,
                String.class);
        List<Delivery> attempts = simulator.deliveries().stream()
                .filter(d -> d.eventId().equals(eventId) && !d.duplicate())
                .toList();
        assertThat(attempts).extracting(Delivery::status).containsExactly(500, 500, 200);
        assertThat(processed.get(eventId).get()).isEqualTo(1);
    }
}
