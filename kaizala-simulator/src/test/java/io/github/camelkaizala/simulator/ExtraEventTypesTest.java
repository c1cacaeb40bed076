package io.github.camelkaizala.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PollCreated, PollResponse, LetsMeetCreated and LetsMeetResponse (the vendor's request collection subscribed to
 * them besides the 13 documented types, §14 D74): accepted in subscriptions and delivered, each besides the generic
 * ActionCreated / ActionResponse, with the same data.
 */
class ExtraEventTypesTest extends WebhookTestSupport {

    private static final String MEERA = "+919800000102";

    @Test
    void subscriptionsAcceptTheFourTypesInAnyCase() {
        Group g = sim.state().createGroup("Team");
        String id = subscribe(g.id(), "Group", callback.url(), null, null,
                List.of("pollcreated", "PollResponse", "LETSMEETCREATED", "LetsMeetResponse", "TextMessageCreated"));

        assertThat(sim.state().webhook(id).orElseThrow().eventTypes())
                .containsExactly("PollCreated", "PollResponse", "LetsMeetCreated", "LetsMeetResponse",
                        "TextMessageCreated");
        Reply unknown = subscribeReply(g.id(), "Group", callback.url(), null, null, List.of("PollDeleted"));
        assertError(unknown, 400, "InvalidField", "PollDeleted");
        assertThat(unknown.body()).contains("PollCreated").contains("LetsMeetResponse");
    }

    @Test
    void aPollMakesPollCreatedAndItsVotesPollResponse() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        String pollsOnly = subscribeGroup(g.id(), "PollCreated", "PollResponse");

        Reply posted = api("POST", "/groups/" + g.id() + "/actions", "{\"actionType\":\"Poll\",\"actionBody\":"
                + "{\"question\":\"Lunch?\",\"choices\":[{\"title\":\"Pizza\"},{\"title\":\"Salad\"}]}}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String pollId = posted.json().get("actionId").asText();
        String vote = sim.human(MEERA).votePoll(g.id(), pollId, "salad");

        List<Delivery> d = sim.awaitDelivered(2, WAIT);
        assertThat(d).extracting(Delivery::eventType).containsExactly("PollCreated", "PollResponse");
        assertThat(d).extracting(Delivery::webhookId).containsOnly(pollsOnly);
        JsonNode created = d.get(0).json();
        assertThat(created.get("objectId").asText()).isEqualTo(g.id());
        assertThat(created.get("data").get("actionId").asText()).isEqualTo(pollId);
        assertThat(created.get("data").get("questions").toString()).isEqualTo("[{\"title\":\"Lunch?\","
                + "\"type\":\"SingleOption\",\"options\":[{\"title\":\"Pizza\"},{\"title\":\"Salad\"}],\"isInvisible\":false}]");
        JsonNode response = d.get(1).json();
        assertThat(response.get("fromUser").asText()).isEqualTo(MEERA);
        assertThat(response.get("data").get("responseId").asText()).isEqualTo(vote);
        JsonNode items = response.get("data").get("responseDetails").get("responseWithQuestions");
        assertThat(items.get(0).get("title").asText()).isEqualTo("Lunch?");
        assertThat(items.get(0).get("answer").toString()).isEqualTo("[\"Salad\"]");
        assertThat(items.get(1).get("title").asText()).isEqualTo("ResponseTime");

        // the generic events still happen (each its own eventId), so ActionCreated subscribers see polls as before
        assertThat(sim.webhooks().events()).extracting(Event::eventType)
                .containsExactly("ActionCreated", "PollCreated", "ActionResponse", "PollResponse");
        assertThat(sim.webhooks().events().get(0).eventId()).isNotEqualTo(sim.webhooks().events().get(1).eventId());
        assertThat(sim.webhooks().events().get(0).data()).isEqualTo(sim.webhooks().events().get(1).data());
        assertThatThrownBy(() -> sim.human(MEERA).votePoll(g.id(), pollId, "Soup"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pizza");
    }

    @Test
    void aMeetingMakesLetsMeetCreatedAndItsAnswersLetsMeetResponse() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        subscribeGroup(g.id(), "LetsMeetCreated", "LetsMeetResponse");

        Action meeting = sim.human(MEERA).postAction(g.id(), "LetsMeet",
                Map.of("title", "Planning", "startingTime", "2026-05-21T04:30:00Z", "duration", 60));
        String rsvp = sim.human(KaizalaSimulator.DEFAULT_USER_MOBILE).answerLetsMeet(g.id(), meeting.actionId(), "yes");

        List<Delivery> d = sim.awaitDelivered(2, WAIT);
        assertThat(d).extracting(Delivery::eventType).containsExactly("LetsMeetCreated", "LetsMeetResponse");
        assertThat(d.get(0).json().get("data").get("actionId").asText()).isEqualTo(meeting.actionId());
        JsonNode data = d.get(1).json().get("data");
        assertThat(data.get("responseId").asText()).isEqualTo(rsvp);
        JsonNode attending = data.get("responseDetails").get("responseWithQuestions").get(0);
        assertThat(attending.get("title").asText()).isEqualTo("Attending");
        assertThat(attending.get("options").toString())
                .isEqualTo("[{\"title\":\"Yes\"},{\"title\":\"No\"},{\"title\":\"Maybe\"}]");
        assertThat(attending.get("answer").toString()).isEqualTo("[\"Yes\"]");
        assertThatThrownBy(() -> sim.human(MEERA).answerLetsMeet(g.id(), meeting.actionId(), "Later"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Maybe");
    }

    @Test
    void anActionSubscriptionGetsThePollsResponses() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        Action poll = sim.human(MEERA).postAction(g.id(), "Poll", Map.of("question", "Lunch?",
                "choices", List.of(Map.of("title", "Pizza"), Map.of("title", "Salad"))));
        subscribe(poll.actionId(), "Action", callback.url(), null, null, List.of("PollResponse"));

        sim.human(MEERA).votePoll(g.id(), poll.actionId(), "Pizza");

        assertThat(sim.awaitDelivered(1, WAIT)).extracting(Delivery::eventType).containsExactly("PollResponse");
    }
}
