package io.github.camelkaizala.simulator;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class GroupsTest extends SimulatorTestSupport {

    @Test
    void createListAndGet() {
        Reply created = api("POST", "/groups", """
                {"name": "Field Sales North", "welcomeMessage": "Hello!", "members": ["+15550100001", "+15550100002"],
                 "groupType": "Group"}""");
        assertThat(created.status()).isEqualTo(200);
        String groupId = created.json().get("groupId").asText();
        assertThat(created.json().get("groupName").asText()).isEqualTo("Field Sales North");
        assertThat(created.json().get("membersAdded").asBoolean()).isTrue();

        Group g = sim.state().group(groupId).orElseThrow();
        assertThat(g.name()).isEqualTo("Field Sales North");
        assertThat(g.welcomeMessage()).isEqualTo("Hello!");
        assertThat(g.groupType()).isEqualTo("Group");
        assertThat(g.members()).extracting(Member::mobileNumber, Member::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DEFAULT_USER_MOBILE, "Admin"),
                org.assertj.core.groups.Tuple.tuple("+15550100001", "Member"),
                org.assertj.core.groups.Tuple.tuple("+15550100002", "Member"));

        Reply list = api("GET", "/groups?showDetail=true&fetchAllGroups=false", null);
        assertThat(list.status()).isEqualTo(200);
        JsonNode first = list.json().get("groups").get(0);
        assertThat(first.get("groupId").asText()).isEqualTo(groupId);
        assertThat(first.get("groupName").asText()).isEqualTo("Field Sales North");
        assertThat(first.get("groupType").asText()).isEqualTo("Group");
        assertThat(first.get("callerRole").asText()).isEqualTo("Admin");
        assertThat(first.get("userCount").asInt()).isEqualTo(3);
        assertThat(first.get("unProvisionedUserCount").asInt()).isEqualTo(2);
        assertThat(first.has("hasSubGroups")).isTrue();

        Reply details = api("GET", "/groups/" + groupId, null);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json().get("groups")).hasSize(1);
        assertThat(details.json().get("groups").get(0).get("groupId").asText()).isEqualTo(groupId);
        assertThat(details.json().get("groups").get(0).get("welcomeMessage").asText()).isEqualTo("Hello!");
    }

    @Test
    void listShowsOnlyTheCallersGroups() {
        Group mine = sim.state().createGroup("Mine");
        sim.state().createGroup("Also mine", "+15550100005");
        token = accessTokenFor("+15550100005");

        JsonNode groups = api("GET", "/groups", null).json().get("groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("groupName").asText()).isEqualTo("Also mine");
        assertThat(groups.get(0).get("callerRole").asText()).isEqualTo("Member");
        assertThat(api("GET", "/groups/" + mine.id(), null).status()).isEqualTo(403);
    }

    @Test
    void connectGroupAndDefaults() {
        Reply r = api("POST", "/groups",
                "{\"name\":\"Public\",\"welcomeMessage\":\"\",\"groupType\":\"connectgroup\"}");
        assertThat(r.status()).isEqualTo(200);
        Group g = sim.state().group(r.json().get("groupId").asText()).orElseThrow();
        assertThat(g.groupType()).isEqualTo("ConnectGroup");
        assertThat(g.members()).singleElement().satisfies(m -> {
            assertThat(m.mobileNumber()).isEqualTo(DEFAULT_USER_MOBILE);
            assertThat(m.provisioned()).isTrue();
        });
    }

    @Test
    void unknownGroupIs404() {
        Reply r = api("GET", "/groups/7893777d-3eb6-4604-a0c8-5e002abdb410", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errorCode").asText()).isEqualTo("GroupNotFound");
        assertThat(r.json().get("message").asText()).contains("7893777d");
    }

    @Test
    void badInputIs400WithAnErrorBody() {
        assertError(api("POST", "/groups", "{\"name\": \"x\", "), "InvalidJson");
        assertError(api("POST", "/groups", ""), "InvalidJson");
        assertError(api("POST", "/groups", "[1,2]"), "InvalidJson");
        assertError(api("POST", "/groups", "{\"welcomeMessage\":\"w\"}"), "MissingField");
        assertError(api("POST", "/groups", "{\"name\":\"n\"}"), "MissingField");
        assertError(api("POST", "/groups", "{\"name\":\"  \",\"welcomeMessage\":\"w\"}"), "InvalidField");
        assertError(api("POST", "/groups", "{\"name\":\"n\",\"welcomeMessage\":\"w\",\"groupType\":\"Club\"}"),
                "InvalidField");
        assertError(api("POST", "/groups", "{\"name\":\"n\",\"welcomeMessage\":\"w\",\"members\":\"+15550100001\"}"),
                "InvalidField");
        assertError(api("POST", "/groups", "{\"name\":\"n\",\"welcomeMessage\":\"w\",\"members\":[\"5550100001\"]}"),
                "InvalidMobileNumber");
        String members101 = IntStream.range(0, 101).mapToObj(i -> "\"+1555020" + String.format("%04d", i) + "\"")
                .collect(Collectors.joining(","));
        assertError(
                api("POST", "/groups", "{\"name\":\"n\",\"welcomeMessage\":\"w\",\"members\":[" + members101 + "]}"),
                "TooManyMembers");
        String members100 = IntStream.range(0, 100).mapToObj(i -> "\"+1555020" + String.format("%04d", i) + "\"")
                .collect(Collectors.joining(","));
        assertThat(api("POST", "/groups", "{\"name\":\"n\",\"welcomeMessage\":\"w\",\"members\":[" + members100 + "]}")
                .status()).isEqualTo(200);
        assertThat(sim.state().groups()).hasSize(1);
    }

    @Test
    void leniencyOnGroupCreation() {
        Reply r = api("POST", "/groups",
                "{Name: 'Loose', WelcomeMessage: \"hi\", MEMBERS: [\"+15550100001\",], groupType: null}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(sim.state().groups()).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("Loose");
            assertThat(g.groupType()).isEqualTo("Group");
            assertThat(g.members()).hasSize(2);
        });
    }

    @Test
    void unknownPathAndMethod() {
        assertError(api("GET", "/nothing/here", null), "NotFound");
        assertThat(api("DELETE", "/groups", null).status()).isEqualTo(405);
        assertThat(send("GET", sim.baseUri() + "/favicon.ico", null).status()).isEqualTo(404);
        assertThat(send("GET", sim.authUrl() + "/groups", null, "accessToken", token).status()).isEqualTo(404);
        assertThat(send("GET", sim.endpointUrl() + "v1/accessToken", null).status()).isEqualTo(404);
    }

    static void assertError(Reply r, String errorCode) {
        assertThat(r.status()).as(r.body()).isEqualTo(errorCode.equals("NotFound") ? 404 : 400);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.json().get("errorCode").asText()).isEqualTo(errorCode);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }
}
