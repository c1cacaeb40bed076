package org.apache.camel.component.kaizala;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.model.ActionsResponse;
import org.apache.camel.component.kaizala.model.ReactionSummary;
import org.apache.camel.component.kaizala.model.ReactionSummaryResponse;
import org.apache.camel.component.kaizala.model.Subscriber;
import org.apache.camel.component.kaizala.model.SubscribersResponse;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The errors a newcomer meets first say what to do: a misspelt operation, a consumer option on a producer URI, a
 * phone number whose + a URI turned into a space; and the rules around them (paging's last page, media/send's checks
 * before its upload, the autowired token store).
 */
class InputErrorsTest extends KaizalaTestSupport {

    @Test
    void aMisspeltOperationGetsADidYouMean() {
        assertThatThrownBy(() -> context.getEndpoint("kaizala:mesages/send"))
                .rootCause().hasMessageContaining("did you mean messages/send?");
        assertThatThrownBy(() -> context.getEndpoint("kaizala:actions/Survey"))
                .rootCause().hasMessageContaining("did you mean actions/survey?");
        assertThatThrownBy(() -> context.getEndpoint("kaizala:letsMeet"))
                .rootCause().hasMessageContaining("did you mean actions/letsMeet?");
        assertThatThrownBy(() -> context.getEndpoint("kaizala:survey"))
                .rootCause().hasMessageContaining("did you mean actions/survey or responses/survey?");
    }

    @Test
    void aConsumerOptionOnAProducerUriIsRefusedByName() {
        assertThatThrownBy(
                () -> context.getEndpoint("kaizala:messages/send?groupId=g1&webhookPath=/hooks&eventTypes=JobCreated"))
                .rootCause().hasMessageContaining("eventTypes, webhookPath have no effect here")
                .hasMessageContaining("kaizala:events");
        assertThat(context.getEndpoint("kaizala:events?groupId=g1&webhookPath=/hooks&eventTypes=JobCreated"))
                .isNotNull();
    }

    @Test
    void aPlusTurnedIntoASpaceByTheUriIsExplained() {
        Exchange exchange = send("kaizala:auth/generatePin?mobileNumber=+15550100001", null, Map.of());
        assertThat(exchange.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("RAW(+15550100001)");
        assertThat(simulator.journal().all()).isEmpty();

        for (String written : List.of("RAW(+15550100001)")) {
            simulator.journal().clear();
            Exchange sent = send("kaizala:auth/generatePin?mobileNumber=" + written, null, Map.of());
            assertThat(sent.getException() instanceof KaizalaValidationException).as(written).isFalse();
            assertThat(simulator.journal().matching("POST", ".*generatePin")).as(written)
                    .extracting(r -> r.bodyJson().get("mobileNumber").asText()).containsExactly("+15550100001");
        }
    }

    @Test
    void mediaSendChecksEverythingBeforeItUploads() {
        Exchange noGroup = send("kaizala:media/send", new byte[]{1, 2, 3},
                Map.of(KaizalaConstants.FILE_NAME, "shelf.jpg"));
        assertThat(noGroup.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("groupId");
        Exchange badAudience = send("kaizala:media/send", new byte[]{1, 2, 3}, Map.of(KaizalaConstants.FILE_NAME,
                "shelf.jpg", KaizalaConstants.GROUP_ID, newGroup("Media"), KaizalaConstants.SUBSCRIBERS,
                "not-a-number"));
        assertThat(badAudience.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("subscribers[0]");
        Exchange badType = send("kaizala:media/send", new byte[]{1, 2, 3}, Map.of(KaizalaConstants.FILE_NAME,
                "shelf.jpg", KaizalaConstants.GROUP_ID, newGroup("Media"), KaizalaConstants.ACTION_TYPE, "Survey"));
        assertThat(badType.getException()).isInstanceOf(KaizalaValidationException.class)
                .hasMessageContaining("actionType");
        assertThat(simulator.journal().matching("POST", "/media")).as("no upload before every check passed").isEmpty();
    }

    @Test
    void oneRuleEndsAListingAnEmptyOrAbsentCursorOrAnEmptyPage() {
        Subscriber someone = new Subscriber("s1", "+15550100001", "Someone", null, true);
        assertThat(new SubscribersResponse(List.of(someone), "next").nextCursor()).isEqualTo("next");
        assertThat(new SubscribersResponse(List.of(someone), "").nextCursor()).isNull();
        assertThat(new SubscribersResponse(List.of(someone), null).nextCursor()).isNull();
        assertThat(new SubscribersResponse(List.of(), "next").nextCursor()).isNull();
        assertThat(new SubscribersResponse(List.of(someone), "").headers())
                .containsEntry(KaizalaConstants.HAS_MORE, false).doesNotContainKey(KaizalaConstants.NEXT_CURSOR);
        assertThat(new ReactionSummaryResponse(List.of(new ReactionSummary("r1", Map.of("like", 1L))),
                "636620112000000000")
                .headers()).containsEntry(KaizalaConstants.NEXT_CURSOR, "636620112000000000");
        assertThat(new ActionsResponse(List.of(), true).nextCursor()).as("hasMore with no actions").isNull();
        assertThat(new SubscribersResponse(List.of(someone), "a")
                .join(List.of(new SubscribersResponse(List.of(someone), "a"),
                        new SubscribersResponse(List.of(someone), null))))
                .isEqualTo(new SubscribersResponse(List.of(someone, someone), null));
    }

    @Test
    void aTokenStoreBeanIsAutowired() throws Exception {
        KaizalaTokenStore store = new InMemoryKaizalaTokenStore();
        try (CamelContext other = new DefaultCamelContext()) {
            other.getRegistry().bind("myStore", store);
            other.start();
            KaizalaComponent kaizala = other.getComponent("kaizala", KaizalaComponent.class);
            assertThat(kaizala.getConfiguration().getTokenStore()).isSameAs(store);
        }
    }
}
