package org.apache.camel.component.kaizala;

import java.util.Map;

import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.GroupsResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers convert to Map and JSON through Camel's type converters (the generated loader), without leaking tokens. */
class ConvertersTest extends KaizalaTestSupport {

    @Test
    void answersConvertToMapAndJson() {
        String groupId = newGroup("Converters");
        var exchange = template.request("kaizala:groups/list", e -> {
        });
        GroupsResponse groups = exchange.getMessage().getBody(GroupsResponse.class);

        Map<?, ?> map = exchange.getMessage().getBody(Map.class);
        String json = exchange.getMessage().getBody(String.class);

        assertThat(groups.groups()).isNotEmpty();
        assertThat(map.get("groups")).asList().isNotEmpty();
        assertThat(json).startsWith("{\"groups\":[").contains(groupId);
        assertThat(context.getTypeConverter().convertTo(String.class, new ActionCreatedResponse("r1", "a1")))
                .isEqualTo("{\"referenceId\":\"r1\",\"actionId\":\"a1\"}");
    }

    @Test
    void anAnswerCarryingATokenConvertsToTextWithoutIt() {
        AccessTokenResponse token = template.requestBody("kaizala:auth/accessToken", null, AccessTokenResponse.class);

        String text = context.getTypeConverter().convertTo(String.class, token);

        assertThat(text).doesNotContain(token.accessToken()).contains("endpointUrl=");
        assertThat(context.getTypeConverter().convertTo(Map.class, token)).containsEntry("accessToken",
                token.accessToken());
    }
}
