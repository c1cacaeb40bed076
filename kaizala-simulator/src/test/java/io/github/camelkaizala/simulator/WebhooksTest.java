package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_APPLICATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscription CRUD; callbacks are not validated here (see WebhookDeliveryTest for the handshake and delivery). */
class WebhooksTest extends SimulatorTestSupport {

    @Override
    KaizalaSimulator.Builder builder() {
        return KaizalaSimulator.builder().validateCallbacks(false);
    }

    @Test
    void subscribeListUpdateDelete() {
        Group g = sim.state().createGroup("Team");
        Instant before = Instant.now();

        Reply created = apiJson("POST", "/webhook",
                """
                        {'objectId': '%s', 'objectType': 'Group',
                         'eventTypes': ['TextMessageCreated', 'SurveyResponse', 'JobResponse'],
                         'callBackUrl': 'https://hooks.contoso.example/kaizala/events', 'callBackToken': 'b5d1e0c2-shared-secret',
                         'callBackContext': 'crm-sync:tenant-42'}"""
                        .formatted(g.id()));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().get("webhookId").asText();
        Webhook w = sim.state().webhook(id).orElseThrow();
        assertThat(sim.state().webhooks()).containsExactly(w);
        assertThat(w.objectId()).isEqualTo(g.id());
        assertThat(w.objectType()).isEqualTo("Group");
        assertThat(w.eventTypes()).containsExactly("TextMessageCreated", "SurveyResponse", "JobResponse");
        assertThat(w.callbackUrl()).isEqualTo("https://hooks.contoso.example/kaizala/events");
        assertThat(w.callbackToken()).isEqualTo("b5d1e0c2-shared-secret");
        assertThat(w.context()).isEqualTo("crm-sync:tenant-42");
        assertThat(w.active()).isTrue();
        assertThat(w.applicationId()).isEqualTo(DEFAULT_APPLICATION_ID);
        assertThat(w.validity()).isBetween(before.plus(Duration.ofDays(729)), Instant.now().plus(Duration.ofDays(731)));

        Reply list = api("GET", "/webhook?objectId=" + g.id() + "&objectType=Group", null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode item = list.json().get("webhooks").get(0);
        assertThat(list.json().get("webhooks")).hasSize(1);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("objectId").asText()).isEqualTo(g.id());
        assertThat(item.get("objectType").asText()).isEqualTo("Group");
        assertThat(item.get("events")).extracting(JsonNode::asText).containsExactly("TextMessageCreated",
                "SurveyResponse", "JobResponse");
        assertThat(item.get("callbackUrl").asText()).isEqualTo("https://hooks.contoso.example/kaizala/events");
        assertThat(item.get("callbackToken").asText()).isEqualTo("b5d1e0c2-shared-secret");
        assertThat(item.get("callBackContext").asText()).isEqualTo("crm-sync:tenant-42");
        assertThat(item.get("validity").asLong()).isEqualTo(w.validity().toEpochMilli());
        assertThat(item.get("ts").asLong()).isPositive();
        assertThat(item.get("active").asBoolean()).isTrue();
        assertThat(item.get("filters")).isEmpty();

        long validity = Instant.now().plus(Duration.ofDays(30)).toEpochMilli();
        Reply updated = apiJson("PUT", "/webhook/" + id, """
                {'eventTypes': ['SurveyResponse'], 'Active': 'false', 'callbackUrl': 'https://hooks.contoso.example/v2',
                 'validity': '%d'}""".formatted(validity));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Webhook changed = sim.state().webhook(id).orElseThrow();
        assertThat(changed.eventTypes()).containsExactly("SurveyResponse");
        assertThat(changed.active()).isFalse();
        assertThat(changed.callbackUrl()).isEqualTo("https://hooks.contoso.example/v2");
        assertThat(changed.validity().toEpochMilli()).isEqualTo(validity);
        assertThat(changed.callbackToken()).isEqualTo("b5d1e0c2-shared-secret"); // untouched
        assertThat(api("PUT", "/webhook/" + id, "{\"Active\":true}").status()).isEqualTo(200);
        assertThat(sim.state().webhook(id).orElseThrow().active()).isTrue();
        assertThat(api("GET", "/webhook?objectId=" + g.id() + "&objectType=group", null).json().get("webhooks").get(0)
                .get("events")).hasSize(1);

        Reply deleted = api("DELETE", "/webhook/" + id, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(sim.state().webhooks()).isEmpty();
        assertThat(api("GET", "/webhook?objectId=" + g.id() + "&objectType=Group", null).json().get("webhooks"))
                .isEmpty();
        assertError(api("DELETE", "/webhook/" + id, null), 404, "WebhookNotFound", id);
        assertError(api("PUT", "/webhook/" + id, "{\"Active\":true}"), 404, "WebhookNotFound", id);
    }

    @Test
    void otherSpellingsAndObjectTypes() {
        Group g = sim.state().createGroup("Team");
        Action survey = sim.state().createSurvey(g.id(), "S", "Q");

        Reply events = apiJson("POST", "/webhook", """
                {'ObjectId': '%s', 'objecttype': 'action', 'events': ['actionresponse', 'ActionCreated'],
                 'callbackUrl': 'http://127.0.0.1:9/hook', 'callbackToken': 't', 'callbackContext': 'c',
                 'validity': %d, 'active': true}""".formatted(survey.actionId(),
                Instant.now().plusSeconds(3600).toEpochMilli()));
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        Reply pkg = apiJson("POST", "/webhook",
                """
                        {'objectId': 'com.contoso.kaizala.storeaudit', 'objectType': 'ActionPackage', 'eventTypes': ['ActionResponse'],
                         'callBackUrl': 'https://hooks.example/p'}""");
        assertThat(pkg.status()).as(pkg.body()).isEqualTo(200);

        assertThat(sim.state().webhooks())
                .extracting(Webhook::objectType, Webhook::eventTypes, Webhook::callbackToken, Webhook::context)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Action", List.of("ActionResponse", "ActionCreated"), "t",
                                "c"),
                        org.assertj.core.groups.Tuple.tuple("ActionPackage", List.of("ActionResponse"), null, null));
        assertThat(api("GET", "/webhook?objectId=com.contoso.kaizala.storeaudit&objectType=ActionPackage", null)
                .json().get("webhooks")).hasSize(1);
        assertThat(
                api("GET", "/webhook?objectId=" + survey.actionId() + "&objectType=Group", null).json().get("webhooks"))
                .isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        Group g = sim.state().createGroup("Team");
        String ok = "'objectId':'" + g.id()
                + "','objectType':'Group','eventTypes':['MemberAdded'],'callBackUrl':'https://h.example/x'";

        assertError(
                apiJson("POST", "/webhook",
                        "{'objectType':'Group','eventTypes':['MemberAdded'],'callBackUrl':'https://h.example/x'}"),
                400, "MissingField", "objectId");
        assertError(
                apiJson("POST", "/webhook",
                        "{'objectId':'x','eventTypes':['MemberAdded'],'callBackUrl':'https://h.example/x'}"),
                400, "MissingField", "objectType");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace("'Group'", "'Tenant'") + "}"), 400, "InvalidField",
                "objectType");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace("'eventTypes':['MemberAdded'],", "") + "}"), 400,
                "MissingField",
                "eventTypes");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace("MemberAdded", "MemberJoined") + "}"), 400,
                "InvalidField",
                "eventTypes");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace("['MemberAdded']", "[]") + "}"), 400, "InvalidField",
                "eventTypes");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace("https://h.example/x", "not a url") + "}"), 400,
                "InvalidField",
                "callBackUrl");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace(",'callBackUrl':'https://h.example/x'", "") + "}"),
                400,
                "MissingField", "callBackUrl");
        assertError(apiJson("POST", "/webhook", "{" + ok + ",'validity':1526292312000}"), 400, "InvalidField",
                "validity");
        assertError(apiJson("POST", "/webhook", "{" + ok + ",'validity':'soon'}"), 400, "InvalidField", "validity");
        assertError(apiJson("POST", "/webhook", "{" + ok + ",'Active':'maybe'}"), 400, "InvalidField", "Active");
        assertError(apiJson("POST", "/webhook", "{" + ok.replace(g.id(), "unknown-group") + "}"), 404, "GroupNotFound",
                "unknown-group");
        assertError(
                apiJson("POST", "/webhook",
                        "{" + ok.replace(g.id(), "unknown-action").replace("'Group'", "'Action'") + "}"),
                404, "ActionNotFound", "unknown-action");
        assertError(api("GET", "/webhook?objectType=Group", null), 400, "MissingField", "objectId");
        assertError(api("GET", "/webhook?objectId=" + g.id(), null), 400, "MissingField", "objectType");
        assertThat(sim.state().webhooks()).isEmpty();

        String id = apiJson("POST", "/webhook", "{" + ok + "}").json().get("webhookId").asText();
        assertError(apiJson("PUT", "/webhook/" + id, "{'eventTypes':['Nothing']}"), 400, "InvalidField", "eventTypes");
        assertError(apiJson("PUT", "/webhook/" + id, "{'objectId':'unknown-group'}"), 404, "GroupNotFound",
                "unknown-group");
        assertThat(sim.state().webhook(id).orElseThrow().eventTypes()).containsExactly("MemberAdded");

        token = accessTokenFor("+15550100009"); // not a member of the group
        assertThat(apiJson("POST", "/webhook", "{" + ok + "}").status()).isEqualTo(403);
    }

    @Test
    void webhooksBelongToTheirConnector() {
        Group g = sim.state().createGroup("Team");
        String id = apiJson("POST", "/webhook",
                "{'objectId':'" + g.id() + "','objectType':'Group','eventTypes':['MemberAdded'],"
                        + "'callBackUrl':'https://h.example/x'}")
                .json().get("webhookId").asText();
        sim.registerConnector("second-connector", "second-secret", "second-refresh");
        token = sim.issueAccessToken("second-connector");

        assertThat(send("GET",
                sim.endpointUrl("second-connector") + "v1/webhook?objectId=" + g.id() + "&objectType=Group", null,
                "accessToken", token).json().get("webhooks")).isEmpty();
        assertThat(send("DELETE", sim.endpointUrl("second-connector") + "v1/webhook/" + id, null, "accessToken", token)
                .status())
                .isEqualTo(404);
        assertThat(sim.state().webhooks()).hasSize(1);
    }

    @Test
    void newRoutesGoThroughTheUsualChecks() {
        Group g = sim.state().createGroup("Team");
        sim.faults().next(1, "GET", "/webhook", Fault.status(503).retryAfter("3"));
        Reply faulted = api("GET", "/webhook?objectId=" + g.id() + "&objectType=Group", null);
        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.header("Retry-After")).isEqualTo("3");

        String good = token;
        token = "at-forged";
        assertThat(api("GET", "/groups/" + g.id() + "/subGroups", null).status()).isEqualTo(401);
        token = good;

        String oldBase = sim.endpointUrl();
        String newBase = sim.relocate(DEFAULT_APPLICATION_ID);
        Reply moved = send("GET", oldBase + "v1/groups/" + g.id() + "/actions?actionType=Survey", null, "accessToken",
                token);
        assertThat(moved.status()).isEqualTo(308);
        assertThat(moved.header("Location")).isEqualTo(newBase);
        assertThat(api("GET", "/groups/" + g.id() + "/actions?actionType=Survey", null).status()).isEqualTo(200);
        assertThat(sim.journal().all()).extracting(RecordedRequest::status).containsExactly(503, 401, 308, 200);
    }
}
