package io.github.camelkaizala.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class MembersTest extends SimulatorTestSupport {

    @Test
    void addListRemove() {
        Group g = sim.state().createGroup("Team", "+15550100001");

        Reply added = api("PUT", "/groups/" + g.id() + "/members", "{\"members\":[\"+15550100002\",\"+15550100001\"]}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("result").asBoolean()).isTrue();

        JsonNode members = api("GET", "/groups/" + g.id() + "/members", null).json().get("members");
        assertThat(members).hasSize(3);
        assertThat(members.get(0).get("mobileNumber").asText()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(members.get(0).get("role").asText()).isEqualTo("Admin");
        assertThat(members.get(0).get("isProvisioned").asBoolean()).isTrue();
        assertThat(members.get(2).get("mobileNumber").asText()).isEqualTo("+15550100002");
        assertThat(members.get(2).get("role").asText()).isEqualTo("Member");
        assertThat(members.get(2).get("isProvisioned").asBoolean()).isFalse();
        String memberId = members.get(2).get("id").asText();
        assertThat(memberId).isNotBlank();

        Reply removed = api("DELETE", "/groups/" + g.id() + "/members/" + memberId, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("result").asBoolean()).isTrue();
        assertThat(sim.state().group(g.id()).orElseThrow().members()).extracting(Member::mobileNumber)
                .containsExactly(DEFAULT_USER_MOBILE, "+15550100001");

        assertThat(api("DELETE", "/groups/" + g.id() + "/members/" + memberId, null).status()).isEqualTo(404);
    }

    @Test
    void memberIdsAreStableAcrossGroups() {
        Group a = sim.state().createGroup("A", "+15550100001");
        Group b = sim.state().createGroup("B", "+15550100001");
        assertThat(a.member("+15550100001").orElseThrow().id()).isEqualTo(b.member("+15550100001").orElseThrow().id());
    }

    @Test
    void updateRole() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        String id = g.member("+15550100001").orElseThrow().id();
        assertThat(api("PUT", "/groups/" + g.id() + "/members/" + id, "{\"role\":\"admin\"}").status()).isEqualTo(200);
        assertThat(sim.state().group(g.id()).orElseThrow().member("+15550100001").orElseThrow().isAdmin()).isTrue();
        assertThat(api("PUT", "/groups/" + g.id() + "/members/" + id, "{\"role\":\"Owner\"}").status()).isEqualTo(400);
    }

    @Test
    void onlyMembersReadAndOnlyAdminsChange() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        String outsider = accessTokenFor("+15550100009");
        String member = accessTokenFor("+15550100001");

        token = outsider;
        assertThat(api("GET", "/groups/" + g.id() + "/members", null).status()).isEqualTo(403);
        token = member;
        assertThat(api("GET", "/groups/" + g.id() + "/members", null).status()).isEqualTo(200);
        Reply forbidden = api("PUT", "/groups/" + g.id() + "/members", "{\"members\":[\"+15550100003\"]}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("errorCode").asText()).isEqualTo("Forbidden");
        // having signed in, the member is now provisioned
        assertThat(sim.state().group(g.id()).orElseThrow().member("+15550100001").orElseThrow().provisioned()).isTrue();
    }

    @Test
    void badMemberInput() {
        Group g = sim.state().createGroup("Team");
        GroupsTest.assertError(api("PUT", "/groups/" + g.id() + "/members", "{}"), "MissingField");
        GroupsTest.assertError(api("PUT", "/groups/" + g.id() + "/members", "{\"members\":[\"abc\"]}"),
                "InvalidMobileNumber");
        assertThat(api("PUT", "/groups/unknown/members", "{\"members\":[\"+15550100003\"]}").status()).isEqualTo(404);
    }
}
