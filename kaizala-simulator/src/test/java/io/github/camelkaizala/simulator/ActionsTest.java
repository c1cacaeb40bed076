package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class ActionsTest extends SimulatorTestSupport {

    static final String SURVEY = """
            {'actionType': 'Survey', 'actionBody': {'title': 'Weekly stock check', 'dueDate': 24, 'isAnonymous': false,
              'isSenderOnly': true, 'acceptMultipleResponses': false,
              'questions': [
                {'title': 'Store code', 'type': 'Text'},
                {'title': 'Shelf condition', 'type': 'SingleOption', 'options': [{'title': 'Good'}, {'title': 'Needs attention'}]},
                {'title': 'Brands out of stock', 'type': 'MultiOption', 'options': [{'title': 'Alpha'}, {'title': 'Beta'}, {'title': 'Gamma'}]},
                {'title': 'Cartons received', 'type': 'Numeric'},
                {'title': 'Where are you?', 'type': 'Location'},
                {'title': 'Next delivery', 'type': 'DateTime'},
                {'title': 'Photo of the shelf', 'type': 'Image'}]}}""";

    @Test
    void surveyIsStoredListedAndDetailed() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        Instant before = Instant.now();

        Reply created = apiJson("POST", "/groups/" + g.id() + "/actions", SURVEY);

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String actionId = created.json().get("actionId").asText();
        String referenceId = created.json().get("referenceId").asText();
        Action a = sim.state().action(actionId).orElseThrow();
        assertThat(a.groupId()).isEqualTo(g.id());
        assertThat(a.referenceId()).isEqualTo(referenceId);
        assertThat(a.actionType()).isEqualTo("Survey");
        assertThat(a.packageId()).isNull();
        assertThat(a.sender()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(a.sentAt()).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(a.body().get("questions")).hasSize(7);
        assertThat(a.responses()).isEmpty();
        assertThat(sim.state().group(g.id()).orElseThrow().actions()).containsExactly(a);

        Reply list = api("GET", "/groups/" + g.id() + "/actions?actionType=Survey", null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("hasMore").asBoolean()).isFalse();
        JsonNode item = list.json().get("actions").get(0);
        assertThat(item.get("referenceId").asText()).isEqualTo(referenceId);
        assertThat(item.get("actionType").asText()).isEqualTo("Survey");
        assertThat(item.get("sender").asText()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(Instant.parse(item.get("sentAt").asText())).isEqualTo(a.sentAt());
        assertThat(item.get("actionBody").get("actionId").asText()).isEqualTo(actionId);
        assertThat(item.get("actionBody").get("title").asText()).isEqualTo("Weekly stock check");
        assertThat(item.get("actionBody").get("responseCount").asInt()).isZero();
        assertThat(Instant.parse(item.get("actionBody").get("expiryDate").asText()))
                .isEqualTo(a.sentAt().plusSeconds(24 * 3600));

        Reply details = api("GET", "/groups/" + g.id() + "/actions/" + actionId + "?getDetails=false", null);
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.json().get("actionType").asText()).isEqualTo("Survey");
        assertThat(details.json().get("sender").asText()).isEqualTo(DEFAULT_USER_MOBILE);
        assertThat(details.json().get("sentAt").asText()).isNotBlank();
        JsonNode d = details.json().get("actionDetails");
        assertThat(d.get("actionId").asText()).isEqualTo(actionId);
        assertThat(d.get("title").asText()).isEqualTo("Weekly stock check");
        assertThat(d.get("responseCount").asInt()).isZero();
        assertThat(d.get("expiryDate").asText()).isNotBlank();
        assertThat(d.get("isSenderOnly").asBoolean()).isTrue();
        assertThat(d.has("responses")).isFalse();
        assertThat(api("GET", "/groups/" + g.id() + "/actions/" + actionId + "?getDetails=true", null)
                .json().get("actionDetails").get("responses")).isEmpty();

        token = accessTokenFor("+15550100001"); // members read too
        assertThat(api("GET", "/groups/" + g.id() + "/actions/" + actionId, null).status()).isEqualTo(200);
    }

    @Test
    void everyTypeCanBePosted() {
        Group g = sim.state().createGroup("Team");
        String path = "/groups/" + g.id() + "/actions";
        String image = uploadImage("shelf.jpg");
        String pdf = upload(new Part("FileName", "prices.pdf", "application/pdf", new byte[]{'%', 'P', 'D', 'F'}))
                .json().get("mediaResource").asText();

        Reply job = apiJson("POST", path,
                """
                        {'actionType': 'Job', 'actionBody': {'title': 'Restock aisle 4', 'assignedTo': ['+15550100002', '+15550100003'], 'dueDate': 8}}""");
        Reply poll = apiJson("POST", path, """
                {'actionType': 'Poll', 'actionBody': {'question': 'Which day?', 'Choices': [{'title': 'Thursday'},
                 {'title': 'Friday', 'image': '%s'}], 'expiryInHours': 48}}""".formatted(image));
        Reply meet = apiJson("POST", path,
                """
                        {'actionType': 'LetsMeet', 'actionBody': {'title': 'Planning', 'startingTime': '2018-05-21T04:30:00Z',
                         'DurationInMins': 60, 'place': {'latitude': 26.91, 'longitude': 75.78, 'name': 'Room 2'}, 'agenda': 'Targets'}}""");
        Reply meet2 = apiJson("POST", path,
                """
                        {'actionType': 'letsmeet', 'actionBody': {'title': 'Sync', 'startingTime': '2018-05-22T04:30:00+05:30', 'duration': 15}}""");
        Reply announcement = apiJson("POST", path, """
                {'actionType': 'Announcement', 'actionBody': {'Title': 'New price list', 'Message': 'From 1 June.',
                 'MediaResources': ['%s']}}""".formatted(image));
        Reply picture = apiJson("POST", path, """
                {'actionType': 'Image', 'actionBody': {'mediaResource': '%s', 'caption': 'Shelf, store 17'}}"""
                .formatted(image));
        Reply document = apiJson("POST", path, """
                {'actionType': 'Document', 'actionBody': {'mediaResource': '%s'}}""".formatted(pdf));
        Reply custom = apiJson("POST", path,
                """
                        {'id': 'com.contoso.kaizala.storeaudit', 'actionBody': {'title': 'Store audit - week 20', 'validity': 24,
                         'properties': [{'name': 'region', 'type': 'Text', 'value': 'North'}, {'name': 'targetVisits', 'type': 'Numeric', 'value': '12'}]}}""");

        for (Reply r : List.of(job, poll, meet, meet2, announcement, custom)) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("referenceId").asText()).isNotBlank();
            assertThat(r.json().get("actionId").asText()).isNotBlank();
        }
        for (Reply r : List.of(picture, document)) { // plain media posts have no action id
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("referenceId").asText()).isNotBlank();
            assertThat(r.json().has("actionId")).isFalse();
        }
        assertThat(sim.state().group(g.id()).orElseThrow().actions()).extracting(Action::kind).containsExactly(
                "Job", "Poll", "LetsMeet", "LetsMeet", "Announcement", "Image", "Document",
                "com.contoso.kaizala.storeaudit");

        JsonNode jobItem = listed(g, "Job").get(0).get("actionBody");
        assertThat(jobItem.get("title").asText()).isEqualTo("Restock aisle 4");
        assertThat(jobItem.get("assigneeCount").asInt()).isEqualTo(2);
        assertThat(jobItem.get("responseCount").asInt()).isZero();
        assertThat(jobItem.get("isCompleted").asBoolean()).isFalse();

        JsonNode pollItem = listed(g, "poll").get(0).get("actionBody");
        assertThat(pollItem.get("question").asText()).isEqualTo("Which day?");
        assertThat(pollItem.get("choices").get(1).get("title").asText()).isEqualTo("Friday");
        assertThat(pollItem.get("choices").get(1).get("image").asText()).startsWith("https://").endsWith("/shelf.jpg");
        assertThat(pollItem.get("isSenderOnly").asBoolean()).isFalse();
        assertThat(pollItem.get("expiryDate").asText()).isNotBlank();

        JsonNode meetings = listed(g, "LetsMeet");
        assertThat(meetings.get(0).get("actionBody").get("duration").asInt()).isEqualTo(60);
        assertThat(meetings.get(0).get("actionBody").get("place").get("name").asText()).isEqualTo("Room 2");
        assertThat(meetings.get(1).get("actionBody").get("duration").asInt()).isEqualTo(15);
        assertThat(meetings.get(1).get("actionBody").get("startingTime").asText()).isEqualTo("2018-05-21T23:00:00Z");

        JsonNode imageItem = listed(g, "Image").get(0);
        assertThat(imageItem.get("referenceId").asText()).isEqualTo(picture.json().get("referenceId").asText());
        assertThat(imageItem.get("actionBody").get("imageUrl").asText()).endsWith("/shelf.jpg");
        assertThat(imageItem.get("actionBody").get("caption").asText()).isEqualTo("Shelf, store 17");

        JsonNode customItem = listed(g, "com.contoso.kaizala.storeaudit").get(0);
        assertThat(customItem.get("actionType").asText()).isEqualTo("com.contoso.kaizala.storeaudit");
        assertThat(customItem.get("actionBody").get("packageId").asText()).isEqualTo("com.contoso.kaizala.storeaudit");
        assertThat(customItem.get("actionBody").get("properties")).hasSize(2);

        JsonNode announcementDetails = api("GET", "/groups/" + g.id() + "/actions/"
                + announcement.json().get("actionId").asText() + "?getDetails=true", null).json().get("actionDetails");
        assertThat(announcementDetails.get("title").asText()).isEqualTo("New price list");
        assertThat(announcementDetails.get("message").asText()).isEqualTo("From 1 June.");
        assertThat(announcementDetails.get("media").get(0).get("fileName").asText()).isEqualTo("shelf.jpg");
    }

    @Test
    void listingFiltersPagesAndCounts() {
        Group g = sim.state().createGroup("Team");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(sim.state().createSurvey(g.id(), "Survey " + i, "Q").actionId());
        }
        sim.state().createSurvey(sim.state().createGroup("Elsewhere").id(), "Not here", "Q");
        String path = "/groups/" + g.id() + "/actions?actionType=Survey";

        Reply firstTwo = api("GET", path + "&count=2", null);
        assertThat(firstTwo.json().get("hasMore").asBoolean()).isTrue();
        assertThat(actionIds(firstTwo)).containsExactly(ids.get(0), ids.get(1));
        assertThat(actionIds(api("GET", path, null))).containsExactlyElementsOf(ids); // default count 30
        assertThat(listed(g, "Job")).isEmpty();

        // continue after the last item's time, in epoch milliseconds
        long lastMillis = Instant.parse(firstTwo.json().get("actions").get(1).get("sentAt").asText()).toEpochMilli();
        Reply rest = api("GET", path + "&count=10&fromDate=" + lastMillis, null);
        assertThat(actionIds(rest)).containsExactly(ids.get(2), ids.get(3), ids.get(4));
        assertThat(rest.json().get("hasMore").asBoolean()).isFalse();
        // epoch seconds work too
        long longAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        assertThat(actionIds(api("GET", path + "&fromDate=" + longAgo, null))).hasSize(5);
        long inAnHour = Instant.now().plusSeconds(3600).getEpochSecond();
        assertThat(actionIds(api("GET", path + "&fromDate=" + inAnHour, null))).isEmpty();
    }

    @Test
    void badInputNamesTheField() {
        Group g = sim.state().createGroup("Team");
        String path = "/groups/" + g.id() + "/actions";
        String pdf = upload(new Part("FileName", "p.pdf", "application/pdf", new byte[]{1})).json().get("mediaResource")
                .asText();

        assertError(api("POST", path, "{\"actionBody\":{}}"), 400, "MissingField", "actionType");
        assertError(api("POST", path, "{\"actionType\":\"Job\",\"id\":\"com.x.y\",\"actionBody\":{}}"), 400,
                "InvalidField", "'id'");
        assertError(api("POST", path, "{\"actionType\":\"Survey\"}"), 400, "MissingField", "actionBody");
        assertError(api("POST", path, "{\"actionType\":\"Survey\",\"actionBody\":[]}"), 400, "InvalidField",
                "actionBody");
        assertError(api("POST", path, "{\"actionType\":\"Quiz\",\"actionBody\":{}}"), 400, "InvalidField",
                "actionType");
        assertError(
                apiJson("POST", path,
                        "{'actionType':'Survey','actionBody':{'questions':[{'title':'q','type':'Text'}]}}"),
                400, "MissingField", "'actionBody.title'");
        assertError(apiJson("POST", path, "{'actionType':'Survey','actionBody':{'title':'t'}}"), 400, "MissingField",
                "'actionBody.questions'");
        assertError(
                apiJson("POST", path,
                        "{'actionType':'Survey','actionBody':{'title':'t','questions':[{'title':'q','type':'Text'},"
                                + "{'title':'c','type':'SingleOption'}]}}"),
                400, "MissingField", "'actionBody.questions[1].options'");
        assertError(apiJson("POST", path,
                "{'actionType':'Survey','actionBody':{'title':'t','questions':[{'title':'q','type':'Essay'}]}}"),
                400, "InvalidField", "'actionBody.questions[0].type'");
        assertError(apiJson("POST", path,
                "{'actionType':'Survey','actionBody':{'title':'t','dueDate':0,'questions':[{'title':'q','type':'Text'}]}}"),
                400, "InvalidField", "'actionBody.dueDate'");
        assertError(apiJson("POST", path, "{'actionType':'Job','actionBody':{'title':'t'}}"), 400, "MissingField",
                "'actionBody.assignedTo'");
        assertError(apiJson("POST", path, "{'actionType':'Job','actionBody':{'title':'t','assignedTo':['12']}}"), 400,
                "InvalidMobileNumber", "'actionBody.assignedTo'");
        assertError(apiJson("POST", path, "{'actionType':'Poll','actionBody':{'question':'q'}}"), 400, "MissingField",
                "'actionBody.choices'");
        assertError(apiJson("POST", path,
                "{'actionType':'Poll','actionBody':{'question':'q','choices':[{'title':'a','image':'bogus'}]}}"),
                400, "InvalidField", "'actionBody.choices[0].image'");
        assertError(
                apiJson("POST", path, "{'actionType':'LetsMeet','actionBody':{'title':'t','startingTime':'tomorrow'}}"),
                400,
                "InvalidField", "'actionBody.startingTime'");
        assertError(apiJson("POST", path,
                "{'actionType':'LetsMeet','actionBody':{'title':'t','startingTime':'2018-05-21T04:30:00Z',"
                        + "'DurationInMins':-5}}"),
                400, "InvalidField", "'actionBody.DurationInMins'");
        assertError(apiJson("POST", path, "{'actionType':'Announcement','actionBody':{'title':'t'}}"), 400,
                "MissingField",
                "'actionBody.Message'");
        assertError(apiJson("POST", path, "{'actionType':'Image','actionBody':{}}"), 400, "MissingField",
                "'actionBody.mediaResource'");
        assertError(apiJson("POST", path, "{'actionType':'Image','actionBody':{'mediaResource':'eyJGaWxlcyI6W119'}}"),
                400,
                "InvalidField", "'actionBody.mediaResource'");
        assertError(apiJson("POST", path, "{'actionType':'Image','actionBody':{'mediaResource':'" + pdf + "'}}"), 400,
                "InvalidField", "cannot be posted as Image");
        assertError(apiJson("POST", path, "{'id':'" + "x".repeat(65) + "','actionBody':{}}"), 400, "InvalidField",
                "'id'");
        assertError(apiJson("POST", path,
                "{'id':'com.contoso.audit','actionBody':{'properties':[{'name':'n','type':'Colour','value':'red'}]}}"),
                400, "InvalidField", "'actionBody.properties[0].type'");
        assertError(
                apiJson("POST", path,
                        "{'id':'com.contoso.audit','actionBody':{'properties':[{'name':'n','type':'Text'}]}}"),
                400, "MissingField", "'actionBody.properties[0].value'");
        assertError(apiJson("POST", "/groups/unknown/actions", SURVEY), 404, "GroupNotFound", "unknown");
        assertThat(sim.state().group(g.id()).orElseThrow().actions()).isEmpty();

        assertError(api("GET", path, null), 400, "MissingField", "actionType");
        assertError(api("GET", path + "?actionType=Quiz", null), 400, "InvalidField", "actionType");
        assertError(api("GET", path + "?actionType=Survey&count=0", null), 400, "InvalidField", "count");
        assertError(api("GET", path + "?actionType=Survey&fromDate=yesterday", null), 400, "InvalidField", "fromDate");
        assertError(api("GET", path + "/unknown-action?getDetails=false", null), 404, "ActionNotFound",
                "unknown-action");
        String actionId = sim.state().createSurvey(g.id(), "S", "Q").actionId();
        assertError(api("GET", path + "/" + actionId + "?getDetails=maybe", null), 400, "InvalidField", "getDetails");
        assertError(api("GET", "/groups/" + sim.state().createGroup("Other").id() + "/actions/" + actionId, null), 404,
                "ActionNotFound", actionId);
    }

    @Test
    void publicGroupTargeting() {
        Group g = sim.state().createPublicGroup("Customers", "+15550100001");
        sim.state().addSubscribers(g.id(), "+15550100105", "+15550100106");
        String path = "/groups/" + g.id() + "/actions";

        Reply toOne = apiJson("POST", path,
                """
                        {'id': 'com.contoso.kaizala.feedback', 'actionBody': {'title': 'Rate your last delivery', 'validity': 24},
                         'subscribers': ['+15550100105'], 'sendToAllSubscribers': false}""");
        assertThat(toOne.status()).as(toOne.body()).isEqualTo(200);
        Reply toAll = apiJson("POST", path,
                """
                        {'id': 'com.contoso.kaizala.feedback', 'actionBody': {'title': 'Rate us'}, 'sendToAllSubscribers': true}""");
        assertThat(toAll.status()).as(toAll.body()).isEqualTo(200);
        assertError(
                apiJson("POST", path, "{'actionType':'Job','actionBody':{'title':'t','assignedTo':['+15550100001']},"
                        + "'subscribers':['+15550100199']}"),
                400, "NotASubscriber", "+15550100199");

        assertThat(sim.state().group(g.id()).orElseThrow().actions()).extracting(Action::recipients).containsExactly(
                List.of("+15550100105"), List.of("+15550100105", "+15550100106"));
        assertThat(sim.state().action(toOne.json().get("actionId").asText()).orElseThrow().subscribers())
                .containsExactly("+15550100105");

        token = accessTokenFor("+15550100001"); // a member may post, but not broadcast
        assertThat(apiJson("POST", path, "{'id':'com.contoso.kaizala.feedback','actionBody':{'title':'x'}}").status())
                .isEqualTo(200);
        assertThat(apiJson("POST", path,
                "{'id':'com.contoso.kaizala.feedback','actionBody':{'title':'x'},'sendToAllSubscribers':true}")
                .status()).isEqualTo(403);
    }

    private JsonNode listed(Group g, String actionType) {
        Reply r = api("GET", "/groups/" + g.id() + "/actions?actionType=" + actionType, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("actions");
    }

    private static List<String> actionIds(Reply r) {
        List<String> ids = new ArrayList<>();
        r.json().get("actions").forEach(a -> ids.add(a.get("actionBody").get("actionId").asText()));
        return ids;
    }
}
