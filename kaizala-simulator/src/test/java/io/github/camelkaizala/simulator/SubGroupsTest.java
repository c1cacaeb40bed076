package io.github.camelkaizala.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class SubGroupsTest extends SimulatorTestSupport {

    @Test
    void createListLinkAndUnlink() {
        Group parent = sim.state().createGroup("Field Sales North", "+15550100001");

        Reply created = apiJson("POST", "/groups/" + parent.id() + "/subgroups", """
                {'groupName': 'North - Jaipur', 'name': 'North - Jaipur', 'welcomeMessage': 'Jaipur team channel.',
                 'members': ['+15550100003', '+15550100004'], 'groupImageUrl': 'https://img.example/j.png',
                 'addUserToGroup': false, 'groupType': 'Group'}""");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String subId = created.json().get("groupId").asText();
        assertThat(created.json().get("groupName").asText()).isEqualTo("North - Jaipur");

        Group sub = sim.state().group(subId).orElseThrow();
        assertThat(sub.members()).extracting(Member::mobileNumber).containsExactly("+15550100003", "+15550100004");
        assertThat(sub.member(DEFAULT_USER_MOBILE)).isEmpty(); // addUserToGroup: false
        assertThat(sub.welcomeMessage()).isEqualTo("Jaipur team channel.");
        assertThat(sub.groupImageUrl()).isEqualTo("https://img.example/j.png");
        assertThat(sub.parentGroups()).containsExactly(parent.id());
        assertThat(sim.state().group(parent.id()).orElseThrow().subGroups()).containsExactly(subId);
        // the parent's admin still administers the sub-group
        assertThat(api("GET", "/groups/" + subId + "/members", null).status()).isEqualTo(200);
        assertThat(api("GET", "/groups/" + subId, null).json().get("groups").get(0).get("callerRole").asText())
                .isEqualTo("Admin");

        Reply list = api("GET", "/groups/" + parent.id() + "/subGroups", null);
        assertThat(list.status()).isEqualTo(200);
        JsonNode json = list.json();
        assertThat(json.get("groupId").asText()).isEqualTo(parent.id());
        assertThat(json.get("groupName").asText()).isEqualTo("Field Sales North");
        assertThat(json.get("hasSubGroups").asBoolean()).isTrue();
        assertThat(json.get("hasParentGroups").asBoolean()).isFalse();
        assertThat(json.get("subGroups")).hasSize(1);
        JsonNode first = json.get("subGroups").get(0);
        assertThat(first.get("groupId").asText()).isEqualTo(subId);
        assertThat(first.get("groupName").asText()).isEqualTo("North - Jaipur");
        assertThat(first.get("hasParentGroups").asBoolean()).isTrue();
        assertThat(first.get("isDuplicate").asBoolean()).isFalse();
        assertThat(first.get("welcomeMessage").asText()).isEqualTo("Jaipur team channel.");

        Group other = sim.state().createGroup("Other");
        Reply linked = api("PUT", "/groups/" + parent.id() + "/subGroups", "{\"subGroups\":[\"" + other.id() + "\"]}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(subGroupIds(parent.id(), false)).containsExactly(subId, other.id());

        Reply removed = api("DELETE", "/groups/" + parent.id() + "/subGroups/" + subId, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(subGroupIds(parent.id(), false)).containsExactly(other.id());
        assertThat(sim.state().group(subId)).isPresent(); // unlinked, not deleted
        assertThat(sim.state().group(subId).orElseThrow().parentGroups()).isEmpty();
        assertError(api("DELETE", "/groups/" + parent.id() + "/subGroups/" + subId, null), 404, "SubGroupNotFound",
                subId);
    }

    @Test
    void swaggerBodyAndPathSpellings() {
        Group parent = sim.state().createGroup("Parent");
        Reply r = api("POST", "/groups/" + parent.id() + "/SubGroups",
                "{\"name\":\"Swagger style\",\"welcomeMessage\":\"hi\",\"members\":[],\"groupType\":\"Group\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Group sub = sim.state().group(r.json().get("groupId").asText()).orElseThrow();
        assertThat(sub.name()).isEqualTo("Swagger style");
        assertThat(sub.member(DEFAULT_USER_MOBILE).orElseThrow().role()).isEqualTo("Admin"); // addUserToGroup defaults to true
        assertThat(api("GET", "/groups/" + parent.id() + "/subgroups", null).json().get("subGroups")).hasSize(1);
    }

    @Test
    void wholeHierarchy() {
        Group top = sim.state().createGroup("Top");
        Group middle = sim.state().createSubGroup(top.id(), "Middle");
        Group bottom = sim.state().createSubGroup(middle.id(), "Bottom", "+15550100005");
        sim.state().createGroup("Unrelated", "+15550100005");

        assertThat(subGroupIds(top.id(), false)).containsExactly(middle.id());
        assertThat(subGroupIds(top.id(), true)).containsExactly(middle.id(), bottom.id());

        JsonNode topJson = api("GET", "/groups/" + top.id(), null).json().get("groups").get(0);
        assertThat(topJson.get("hasSubGroups").asBoolean()).isTrue();
        assertThat(topJson.get("currentLevelSubGroupCount").asInt()).isEqualTo(1);
        assertThat(topJson.get("userCount").asInt()).isEqualTo(2); // the admin + the bottom member
        assertThat(topJson.get("currentLevelUserCount").asInt()).isEqualTo(1);

        token = accessTokenFor("+15550100005");
        assertThat(names(api("GET", "/groups", null))).containsExactly("Bottom", "Unrelated");
        assertThat(names(api("GET", "/groups?fetchAllGroups=true", null))).containsExactly("Top", "Middle", "Bottom",
                "Unrelated");
        assertThat(api("GET", "/groups/" + top.id() + "/subGroups", null).status()).isEqualTo(403);
    }

    @Test
    void badInputUnknownIdsAndPermissions() {
        Group parent = sim.state().createGroup("Parent", "+15550100001");
        Group child = sim.state().createSubGroup(parent.id(), "Child");
        String path = "/groups/" + parent.id() + "/subgroups";

        assertError(api("POST", path, "{\"welcomeMessage\":\"w\"}"), 400, "MissingField", "groupName");
        assertError(api("POST", path, "{\"groupName\":\" \",\"welcomeMessage\":\"w\"}"), 400, "InvalidField",
                "groupName");
        assertError(api("POST", path, "{\"groupName\":\"n\"}"), 400, "MissingField", "welcomeMessage");
        assertError(api("POST", path, "{\"groupName\":\"n\",\"welcomeMessage\":\"w\",\"members\":[\"123\"]}"), 400,
                "InvalidMobileNumber", "members");
        assertError(api("POST", path, "{\"groupName\":\"n\",\"welcomeMessage\":\"w\",\"groupType\":\"Club\"}"), 400,
                "InvalidField", "groupType");
        assertError(api("POST", path, "{\"groupName\":\"n\",\"welcomeMessage\":\"w\",\"addUserToGroup\":\"perhaps\"}"),
                400,
                "InvalidField", "addUserToGroup");
        assertError(api("POST", "/groups/unknown/subgroups", "{\"groupName\":\"n\",\"welcomeMessage\":\"w\"}"), 404,
                "GroupNotFound", "unknown");

        assertError(api("PUT", path, "{}"), 400, "MissingField", "subGroups");
        assertError(api("PUT", path, "{\"subGroups\":[]}"), 400, "InvalidField", "subGroups");
        assertError(api("PUT", path, "{\"subGroups\":[\"nope\"]}"), 404, "GroupNotFound", "nope");
        assertError(api("PUT", "/groups/" + child.id() + "/subGroups", "{\"subGroups\":[\"" + parent.id() + "\"]}"),
                400,
                "InvalidField", "subGroups");
        assertError(api("PUT", path, "{\"subGroups\":[\"" + parent.id() + "\"]}"), 400, "InvalidField", "cycle");
        assertError(api("DELETE", "/groups/" + parent.id() + "/subGroups/unknown", null), 404, "SubGroupNotFound",
                "unknown");
        assertError(api("GET", "/groups/" + parent.id() + "/subGroups?fetchAllGroups=maybe", null), 400, "InvalidField",
                "fetchAllGroups");
        assertThat(sim.state().group(parent.id()).orElseThrow().subGroups()).containsExactly(child.id());

        token = accessTokenFor("+15550100001"); // a plain member of the parent
        assertThat(api("GET", "/groups/" + parent.id() + "/subGroups", null).status()).isEqualTo(200);
        assertThat(api("POST", path, "{\"groupName\":\"n\",\"welcomeMessage\":\"w\"}").status()).isEqualTo(403);
        assertThat(api("DELETE", "/groups/" + parent.id() + "/subGroups/" + child.id(), null).status()).isEqualTo(403);
        assertThat(api("GET", "/groups/" + child.id() + "/members", null).status()).isEqualTo(403); // not inherited
    }

    private List<String> subGroupIds(String groupId, boolean all) {
        Reply r = api("GET", "/groups/" + groupId + "/subGroups?fetchAllGroups=" + all, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("subGroups").forEach(g -> ids.add(g.get("groupId").asText()));
        return ids;
    }

    private static List<String> names(Reply groups) {
        List<String> names = new ArrayList<>();
        groups.json().get("groups").forEach(g -> names.add(g.get("groupName").asText()));
        return names;
    }
}
