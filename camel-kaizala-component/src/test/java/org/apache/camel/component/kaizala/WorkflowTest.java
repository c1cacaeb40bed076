package org.apache.camel.component.kaizala;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.ActionDetailsResponse;
import org.apache.camel.component.kaizala.model.ActionsResponse;
import org.apache.camel.component.kaizala.model.GroupsResponse;
import org.apache.camel.component.kaizala.model.MembersResponse;
import org.apache.camel.component.kaizala.model.ReactionSummaryResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Kaizala workflow through routes only: the ids each step returns as headers feed the next step.
 */
class WorkflowTest extends KaizalaTestSupport {

    private static final String SURVEY = """
            {"title": "Weekly stock check", "acceptMultipleResponses": true,
             "questions": [{"title": "Store code", "type": "Text"},
                           {"title": "Shelf", "type": "SingleOption", "options": [{"title": "Good"}, {"title": "Poor"}]}]}
            """;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:workflow")
                        .setBody(constant(Map.of("name", "Store audit", "welcomeMessage", "Welcome to the audit")))
                        .to("kaizala:groups/create")
                        .setBody(constant("+15550100001,+15550100002"))
                        .to("kaizala:members/add")
                        .setBody(constant(SURVEY))
                        .to("kaizala:actions/survey")
                        .setBody(constant(List.of("ST-017", "Good")))
                        .to("kaizala:responses/survey")
                        .setBody(constant(List.of("ST-018", "Poor")))
                        .to("kaizala:responses/survey")
                        .setBody(constant((Object) null))
                        .to("kaizala:actions/get?getDetails=true")
                        .setVariable("details", body())
                        .setBody(constant("Thanks, everyone"))
                        .to("kaizala:reactions/add")
                        .setBody(constant((Object) null))
                        .to("kaizala:reactions/summary")
                        .setVariable("reactions", body())
                        .to("kaizala:actions/list?actionType=Survey")
                        .setVariable("surveys", body())
                        .to("kaizala:members/list")
                        .setVariable("members", body())
                        .to("kaizala:groups/list")
                        .setVariable("groups", body());
            }
        };
    }

    @Test
    void aWholeWorkflowRunsThroughRoutes() {
        var exchange = template.request("direct:workflow", e -> {
        });

        assertThat(exchange.getException()).isNull();
        String groupId = exchange.getMessage().getHeader(KaizalaConstants.GROUP_ID, String.class);
        String actionId = exchange.getMessage().getHeader(KaizalaConstants.ACTION_ID, String.class);

        ActionDetailsResponse details = exchange.getVariable("details", ActionDetailsResponse.class);
        assertThat(details.actionType()).isEqualTo("Survey");
        assertThat(details.actionDetails()).containsEntry("responseCount", 2);
        assertThat(details.actionDetails().toString()).contains("ST-017", "ST-018");

        ReactionSummaryResponse reactions = exchange.getVariable("reactions", ReactionSummaryResponse.class);
        assertThat(reactions.summary().get(0).reactionsCountMap()).containsEntry("comment", 1L);
        assertThat(exchange.getVariable("surveys", ActionsResponse.class).actions())
                .extracting(a -> a.actionBody().get("actionId")).containsExactly(actionId);
        assertThat(exchange.getVariable("members", MembersResponse.class).members())
                .extracting(m -> m.mobileNumber()).contains("+15550100001", "+15550100002");
        assertThat(exchange.getVariable("groups", GroupsResponse.class).groups())
                .extracting(g -> g.groupId()).contains(groupId);

        var action = simulator.state().action(actionId).orElseThrow();
        assertThat(action.groupId()).isEqualTo(groupId);
        assertThat(action.responses()).hasSize(2);
        assertThat(simulator.journal().all()).extracting(r -> r.method() + " "
                + r.resourcePath().replace(groupId, "{g}")
                        .replace(actionId, "{a}"))
                .containsSubsequence(
                        "POST /groups", "PUT /groups/{g}/members", "POST /groups/{g}/actions",
                        "POST /groups/{g}/actions/{a}/responses", "POST /groups/{g}/actions/{a}/responses",
                        "GET /groups/{g}/actions/{a}", "POST /groups/{g}/reaction", "GET /groups/{g}/members",
                        "GET /groups");
    }
}
