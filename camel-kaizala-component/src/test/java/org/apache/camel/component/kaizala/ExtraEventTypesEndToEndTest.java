package org.apache.camel.component.kaizala;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.Human;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four event types Kaizala's own request collection subscribed to beside the documented 13 (reference §14 D74):
 * a route that asks for them by name in {@code eventTypes} is subscribed with them, and the simulator's deliveries of
 * a poll and a meeting reach it with their type and JSON.
 */
class ExtraEventTypesEndToEndTest extends EventsTestSupport {

    private String groupId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Polls and meetings");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "eventTypes=PollCreated,PollResponse,LetsMeetCreated,LetsMeetResponse"))
                        .routeId("extra").to("mock:extra");
            }
        };
    }

    @Test
    void pollsAndMeetingsReachTheRouteThatAskedForTheirEventTypes() throws Exception {
        MockEndpoint extra = getMockEndpoint("mock:extra");
        extra.expectedMessageCount(4);
        Human alice = simulator.human("+15550100021");
        Human bob = simulator.human("+15550100022");
        alice.join(groupId);
        bob.join(groupId);

        var poll = alice.postAction(groupId, "Poll",
                Map.of("question", "Lunch?", "choices", List.of(Map.of("title", "Pizza"), Map.of("title", "Salad"))));
        bob.votePoll(groupId, poll.actionId(), "Salad");
        var meeting = alice.postAction(groupId, "LetsMeet", Map.of("title", "Stand-up", "startingTime",
                "2026-12-07T09:00:00Z", "DurationInMins", 15));
        bob.answerLetsMeet(groupId, meeting.actionId(), "Yes");

        extra.assertIsSatisfied(10_000);
        assertThat(simulator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(simulator.state().webhooks()).anySatisfy(w -> assertThat(w.eventTypes())
                .containsExactlyInAnyOrder("PollCreated", "PollResponse", "LetsMeetCreated", "LetsMeetResponse"));
        List<KaizalaEvent> received = extra.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(KaizalaEvent.class)).toList();
        assertThat(received).extracting(KaizalaEvent::eventType)
                .containsExactlyInAnyOrder("PollCreated", "PollResponse", "LetsMeetCreated", "LetsMeetResponse");
        assertThat(extra.getReceivedExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(KaizalaConstants.EVENT_TYPE, String.class))
                    .isEqualTo(e.getMessage().getBody(KaizalaEvent.class).eventType());
            assertThat(e.getMessage().getBody(String.class)).contains("\"eventType\"");
        });
        assertThat(received).filteredOn(e -> e.eventType().equals("PollResponse")).singleElement()
                .satisfies(e -> assertThat(e.rawJson()).contains("Salad"));
    }
}
