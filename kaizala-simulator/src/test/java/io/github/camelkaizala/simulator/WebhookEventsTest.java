package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** §12.7: which events happen, to which webhooks they go, and what they carry. */
class WebhookEventsTest extends WebhookTestSupport {

    static final String MEERA = "+919800000102";
    static final String ARJUN = "+919800000103";
    static final String KAVYA = "+919800000104";
    static final String PACKAGE = "com.contoso.kaizala.storeaudit";

    @Test
    void everyEventTypeIsDeliveredInTheDocumentedShape() throws Exception {
        Group g = sim.state().createGroup("Field Sales", MEERA, ARJUN);
        Group north = sim.state().createGroup("Field Sales North - Jaipur");
        String id = subscribe(g.id(), "Group", callback.url(), "b5d1e0c2-shared-secret", "crm-sync:tenant-42",
                ALL_EVENTS);
        String admin = KaizalaSimulator.DEFAULT_USER_MOBILE;

        // 1 TextMessageCreated, 2 AttachmentCreated (a human)
        String textRef = sim.human(MEERA).postText(g.id(), "Stock for SKU 1142 has arrived at the Pune depot.");
        String imageRef = sim.human(MEERA).postAttachment(g.id(), "IMG_20180514_111502.jpg", "image/jpeg",
                "Shelf display, store 17");
        // 3 Announcement, 4 SurveyCreated (REST)
        String picture = uploadImage("price-list-june.png");
        assertThat(apiJson("POST", "/groups/" + g.id() + "/actions",
                """
                        {'actionType': 'Announcement', 'actionBody': {'title': 'New price list',
                         'Message': 'Prices for the monsoon range apply from 1 June.', 'MediaResources': ['%s']}}"""
                        .formatted(picture))
                .status()).isEqualTo(200);
        Reply survey = apiJson("POST", "/groups/" + g.id() + "/actions",
                """
                        {'actionType': 'Survey', 'actionBody': {'title': 'Store visit', 'questions': [
                          {'title': 'Store code', 'type': 'Text'},
                          {'title': 'Shelf condition', 'type': 'singleoption', 'options': [{'title': 'Good'}, {'title': 'Needs attention'}]},
                          {'title': 'Cartons received', 'type': 'Numeric'},
                          {'title': 'Where are you?', 'type': 'Location'},
                          {'title': 'Photos', 'type': 'AttachmentList'}]}}""");
        String surveyId = survey.json().get("actionId").asText();
        // 5 JobCreated (facade, as the admin), 6 ActionCreated (REST, custom)
        Action job = sim.postJob(g.id(), "Restock aisle 4", MEERA, ARJUN);
        Reply custom = apiJson("POST", "/groups/" + g.id() + "/actions", """
                {'id': '%s', 'actionBody': {'title': 'Store audit', 'questions': [
                  {'title': 'Outlet name', 'type': 'Text'}, {'title': 'Units ordered', 'type': 'Numeric'}]}}"""
                .formatted(PACKAGE));
        String customId = custom.json().get("actionId").asText();
        // 7 SurveyResponse, 8 JobResponse (a human)
        String shelfPhoto = uploadImage("IMG_20180514_112033.jpg");
        String surveyResponse = sim.human(ARJUN).answerSurvey(g.id(), surveyId, "ST-017", "Needs attention", 14,
                Map.of("lt", 26.9196, "lg", 75.7878, "n", "Store 17, MI Road"), List.of(shelfPhoto));
        String jobResponse = sim.human(ARJUN).completeJob(g.id(), job.actionId());
        // 9 MemberAdded (joining), 10 ActionResponse (the new member)
        assertThat(sim.human(KAVYA).join(g.id())).isTrue();
        String actionResponse = sim.human(KAVYA).respondToAction(g.id(), customId, "Sharma General Store", 36);
        // 11 MemberRemoved (REST, by the admin), 12 GroupAdded (facade), 13 GroupRemoved (REST)
        assertThat(api("DELETE", "/groups/" + g.id() + "/members/" + sim.human(KAVYA).userId(), null).status())
                .isEqualTo(200);
        sim.linkSubGroup(g.id(), north.id());
        assertThat(api("DELETE", "/groups/" + g.id() + "/subGroups/" + north.id(), null).status()).isEqualTo(200);

        List<Delivery> delivered = sim.awaitDelivered(13, WAIT);
        List<CallbackServer.Received> posts = callback.awaitPosts(13, WAIT);
        List<String> order = List.of("TextMessageCreated", "AttachmentCreated", "Announcement", "SurveyCreated",
                "JobCreated", "ActionCreated", "SurveyResponse", "JobResponse", "MemberAdded", "ActionResponse",
                "MemberRemoved", "GroupAdded", "GroupRemoved");
        assertThat(delivered).extracting(Delivery::eventType).containsExactlyElementsOf(order); // one webhook: in order
        assertThat(delivered).allSatisfy(d -> {
            assertThat(d.webhookId()).isEqualTo(id);
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.duplicate()).isFalse();
        });
        assertThat(posts).extracting(CallbackServer.Received::body).containsExactlyElementsOf(
                delivered.stream().map(Delivery::body).toList());
        assertThat(delivered.stream().map(Delivery::eventId).collect(Collectors.toSet())).hasSize(13);

        for (CallbackServer.Received post : posts) {
            JsonNode e = post.json();
            String type = e.get("eventType").asText();
            assertThat(post.path()).isEqualTo("/kaizala/events");
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            assertThat(post.header("kz-callback-token")).isEqualTo("b5d1e0c2-shared-secret");
            assertSameShape(e, example(type), type);
            assertThat(e.get("objectId").asText()).isEqualTo(g.id());
            assertThat(e.get("objectType").asText()).isEqualTo("Group");
            assertThat(e.get("context").asText()).isEqualTo("crm-sync:tenant-42");
            assertThat(e.get("eventId").asText()).matches("[0-9a-f-]{36}");
            String from = e.get("fromUser").asText();
            assertThat(e.get("fromUserId").asText()).isEqualTo(sim.human(from).userId());
            assertThat(e.get("fromUserName").asText()).isEqualTo(sim.human(from).name()).isEqualTo("User " + from);
            assertThat(e.get("fromUserProfilePic").asText()).isEmpty();
        }
        Map<String, JsonNode> byType = posts.stream().map(CallbackServer.Received::json)
                .collect(Collectors.toMap(e -> e.get("eventType").asText(), e -> e));
        assertThat(byType.values()).extracting(e -> e.get("fromUser").asText()).containsOnly(MEERA, ARJUN, KAVYA,
                admin);

        assertThat(byType.get("TextMessageCreated").get("data").get("text").asText())
                .isEqualTo("Stock for SKU 1142 has arrived at the Pune depot.");
        assertThat(byType.get("TextMessageCreated").get("fromUser").asText()).isEqualTo(MEERA);
        assertThat(sim.state().group(g.id()).orElseThrow().messages().get(0).referenceId()).isEqualTo(textRef);

        JsonNode attachment = byType.get("AttachmentCreated").get("data");
        assertThat(attachment.get("actionType").asText()).isEqualTo("Image");
        assertThat(attachment.get("caption").asText()).isEqualTo("Shelf display, store 17");
        assertThat(attachment.get("media").get(0).get("mediaFileName").asText()).isEqualTo("IMG_20180514_111502.jpg");
        assertThat(attachment.get("media").get(0).get("mediaUrl").asText()).startsWith("https://media.kaizala.invalid/")
                .endsWith("/IMG_20180514_111502.jpg");
        assertThat(sim.state().group(g.id()).orElseThrow().actions()).extracting(Action::referenceId)
                .contains(imageRef);

        JsonNode announcement = byType.get("Announcement").get("data");
        assertThat(announcement.get("title").asText()).isEqualTo("New price list");
        assertThat(announcement.get("text").asText()).isEqualTo("Prices for the monsoon range apply from 1 June.");
        assertThat(announcement.get("media").get(0).get("fileName").asText()).isEqualTo("price-list-june.png");
        assertThat(announcement.get("media").get(0).get("url").asText()).startsWith("https://media.kaizala.invalid/");
        assertThat(byType.get("Announcement").get("fromUser").asText()).isEqualTo(admin);

        JsonNode created = byType.get("SurveyCreated").get("data");
        assertThat(created.get("actionId").asText()).isEqualTo(surveyId);
        assertThat(created.get("groupId").asText()).isEqualTo(g.id());
        assertThat(created.get("questions")).extracting(q -> q.get("title").asText() + ":" + q.get("type").asText())
                .containsExactly("Store code:Text", "Shelf condition:SingleOption", "Cartons received:Numeric",
                        "Where are you?:Location", "Photos:AttachmentList");
        assertThat(created.get("questions").get(1).get("options").toString())
                .isEqualTo("[{\"title\":\"Good\"},{\"title\":\"Needs attention\"}]");
        assertThat(created.get("questions").get(0).get("isInvisible").asBoolean()).isFalse();

        JsonNode jobCreated = byType.get("JobCreated").get("data");
        assertThat(jobCreated.get("actionId").asText()).isEqualTo(job.actionId());
        assertThat(jobCreated.get("title").asText()).isEqualTo("Restock aisle 4");
        assertThat(jobCreated.get("assignedTo")).extracting(JsonNode::asText).containsExactly(MEERA, ARJUN);
        assertThat(Instant.parse(jobCreated.get("dueDate").asText()))
                .isEqualTo(job.sentAt().plusSeconds(24 * 3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(jobCreated.get("dueDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        JsonNode actionCreated = byType.get("ActionCreated").get("data");
        assertThat(actionCreated.get("actionId").asText()).isEqualTo(customId);
        assertThat(actionCreated.get("questions")).extracting(q -> q.get("title").asText())
                .containsExactly("Outlet name", "Units ordered");

        JsonNode answered = byType.get("SurveyResponse").get("data");
        assertThat(answered.get("responseId").asText()).isEqualTo(surveyResponse);
        assertThat(answered.get("actionId").asText()).isEqualTo(surveyId);
        assertThat(answered.get("isUpdateResponse").asBoolean()).isFalse();
        assertThat(answered.get("isAnonymous").asBoolean()).isFalse();
        assertThat(answered.get("responder").asText()).isEqualTo(ARJUN);
        assertThat(answered.get("responderName").asText()).isEqualTo("User " + ARJUN);
        JsonNode items = answered.get("responseDetails").get("responseWithQuestions");
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("answer").asText()).isEqualTo("ST-017");
        assertThat(items.get(1).get("answer").toString()).isEqualTo("[\"Needs attention\"]"); // one-element array
        assertThat(items.get(1).get("options")).hasSize(2);
        assertThat(items.get(2).get("answer").isDouble()).isTrue();
        assertThat(items.get(2).get("answer").toString()).isEqualTo("14.0");
        assertThat(items.get(3).get("answer").toString())
                .isEqualTo("{\"lt\":26.9196,\"lg\":75.7878,\"n\":\"Store 17, MI Road\"}");
        assertThat(items.get(4).get("answer").get(0).get("mediaFileName").asText())
                .isEqualTo("IMG_20180514_112033.jpg");
        assertThat(items.get(4).get("answer").get(0).get("mediaUrl").asText())
                .startsWith("https://media.kaizala.invalid/");
        assertThat(items.get(5).get("title").asText()).isEqualTo("ResponseTime");
        assertThat(items.get(5).get("isInvisible").asBoolean()).isTrue();
        assertThat(items.get(5).get("type").asText()).isEqualTo("DateTime");
        assertThat(items.get(5).get("answer").asLong())
                .isEqualTo(sim.state().action(surveyId).orElseThrow().response(surveyResponse).orElseThrow().at()
                        .toEpochMilli());

        JsonNode done = byType.get("JobResponse").get("data");
        assertThat(done.get("responseId").asText()).isEqualTo(jobResponse);
        assertThat(done.get("actionId").asText()).isEqualTo(job.actionId());
        assertThat(done.get("responseDetails").get("response").get("assignee").asText()).isEqualTo(ARJUN);
        assertThat(done.get("responseDetails").get("response").get("assigneeName").asText()).isEqualTo("User " + ARJUN);
        assertThat(done.get("responseDetails").get("response").get("isCompleted").asBoolean()).isTrue();

        JsonNode joined = byType.get("MemberAdded");
        assertThat(joined.get("fromUser").asText()).isEqualTo(KAVYA);
        assertThat(joined.get("data").toString())
                .isEqualTo("{\"member\":\"" + KAVYA + "\",\"memberName\":\"User " + KAVYA
                        + "\",\"memberProfilePic\":\"\",\"type\":\"Member\"}");
        JsonNode removed = byType.get("MemberRemoved");
        assertThat(removed.get("fromUser").asText()).isEqualTo(admin);
        assertThat(removed.get("data").get("member").asText()).isEqualTo(KAVYA);

        JsonNode response = byType.get("ActionResponse").get("data");
        assertThat(response.get("responseId").asText()).isEqualTo(actionResponse);
        assertThat(response.get("actionPackageId").asText()).isEqualTo(PACKAGE);
        assertThat(response.get("packageId").asText()).isEqualTo(PACKAGE);
        assertThat(response.get("responseDetails").get("responseWithQuestions").get(1).get("answer").toString())
                .isEqualTo("36.0");

        assertThat(byType.get("GroupAdded").get("data").toString())
                .isEqualTo("{\"groupId\":\"" + north.id() + "\",\"groupName\":\"Field Sales North - Jaipur\"}");
        assertThat(byType.get("GroupRemoved").get("data").get("groupId").asText()).isEqualTo(north.id());
        assertThat(byType.get("GroupRemoved").get("fromUser").asText()).isEqualTo(admin);

        assertThat(sim.webhooks().events()).extracting(Event::eventType).containsExactlyElementsOf(order);
        assertThat(sim.webhooks().events()).allSatisfy(e -> assertThat(e.webhookIds()).containsExactly(id));
        assertThat(sim.awaitIdle(WAIT)).isTrue();
        assertThat(sim.webhooks().pending()).isZero();
    }

    @Test
    void eventsGoToTheMatchingObjectAndEventTypesOnly() throws Exception {
        Group team = sim.state().createGroup("Team", MEERA);
        Group other = sim.state().createGroup("Other", MEERA);
        Action first = sim.postSurvey(team.id(), "First", "Q");
        Action second = sim.postSurvey(team.id(), "Second", "Q");

        String groupHook = subscribe(team.id(), "Group", callback.url("/group"), null, null,
                List.of("TextMessageCreated", "SurveyResponse"));
        String otherHook = subscribe(other.id(), "Group", callback.url("/other"), null, null, ALL_EVENTS);
        String actionHook = subscribe(first.actionId(), "Action", callback.url("/action"), "t-action", null,
                List.of("SurveyResponse", "ActionResponse", "ActionCreated"));
        String secondHook = subscribe(second.actionId(), "Action", callback.url("/second"), null, null,
                List.of("SurveyResponse"));
        String packageHook = subscribe(PACKAGE, "ActionPackage", callback.url("/package"), null, "pkg-context",
                List.of("ActionCreated", "ActionResponse"));
        String otherPackageHook = subscribe("com.contoso.other", "ActionPackage", callback.url("/other-package"), null,
                null,
                List.of("ActionCreated", "ActionResponse"));

        Human meera = sim.human(MEERA);
        meera.postText(team.id(), "hello team"); // group
        meera.answerSurvey(team.id(), first.actionId(), "yes"); // group + action
        Action custom = meera.postCustomAction(team.id(), PACKAGE, Map.of("title", "Audit",
                "questions", List.of(Map.of("title", "Outlet", "type", "Text")))); // package (group not subscribed)
        meera.respondToAction(team.id(), custom.actionId(), "Sharma"); // package
        sim.human(KAVYA).join(team.id()); // nobody (not subscribed)
        meera.postText(other.id(), "hello other"); // other group
        assertThat(sim.awaitIdle(WAIT)).isTrue();

        assertThat(types(groupHook)).containsExactly("TextMessageCreated", "SurveyResponse");
        assertThat(types(actionHook)).containsExactly("SurveyResponse");
        assertThat(types(secondHook)).isEmpty();
        assertThat(types(packageHook)).containsExactly("ActionCreated", "ActionResponse");
        assertThat(types(otherPackageHook)).isEmpty();
        assertThat(types(otherHook)).containsExactly("TextMessageCreated");

        JsonNode toAction = callback.posts("/action").get(0).json();
        assertThat(toAction.get("objectType").asText()).isEqualTo("Action");
        assertThat(toAction.get("objectId").asText()).isEqualTo(first.actionId());
        assertThat(toAction.has("context")).isFalse();
        assertThat(callback.posts("/action").get(0).header("kz-callback-token")).isEqualTo("t-action");
        JsonNode toGroup = callback.posts("/group").get(1).json();
        assertThat(toGroup.get("eventId").asText()).isEqualTo(toAction.get("eventId").asText()); // one event, one id
        assertThat(toGroup.get("objectType").asText()).isEqualTo("Group");
        assertThat(callback.posts("/group").get(1).header("kz-callback-token")).isNull();

        List<JsonNode> toPackage = callback.posts("/package").stream().map(CallbackServer.Received::json).toList();
        assertThat(toPackage).allSatisfy(e -> {
            assertThat(e.get("objectType").asText()).isEqualTo("ActionPackage");
            assertThat(e.get("objectId").asText()).isEqualTo(PACKAGE);
            assertThat(e.get("context").asText()).isEqualTo("pkg-context");
            assertThat(e.get("data").get("actionId").asText()).isEqualTo(custom.actionId());
        });
        assertSameShape(toPackage.get(1), example("ActionResponse"), "ActionResponse");

        Event joined = sim.webhooks().events().stream().filter(e -> e.eventType().equals("MemberAdded")).findFirst()
                .orElseThrow();
        assertThat(joined.webhookIds()).isEmpty();
        assertThat(joined.fromUser()).isEqualTo(KAVYA);
        assertThat(joined.groupId()).isEqualTo(team.id());
    }

    @Test
    void anonymousSurveysHideTheResponderAndAnswersAreNormalised() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        subscribeGroup(g.id(), "SurveyResponse", "ActionCreated");
        Action survey = sim.human(MEERA).postAction(g.id(), "survey", Map.of("title", "Pulse", "isAnonymous", true,
                "questions", List.of(Map.of("title", "Mood", "type", "MultiOption",
                        "options", List.of(Map.of("title", "Calm"), Map.of("title", "Busy"))),
                        Map.of("title", "When", "type", "DateTime"), Map.of("title", "Score", "type", "Numeric"),
                        Map.of("title", "Where", "type", "Location"))));
        Action poll = sim.human(MEERA).postAction(g.id(), "Poll", Map.of("question", "Lunch?",
                "choices", List.of(Map.of("title", "Pizza"), Map.of("title", "Salad"))));

        sim.human(MEERA).answerSurvey(g.id(), survey.actionId(), List.of("Calm", "Busy"), "2018-05-14T11:15:02Z", "7.5",
                Map.of("latitude", 1.5, "longitude", 2.5, "name", "Depot"));
        String again = sim.human(MEERA).answerSurvey(g.id(), survey.actionId(), "Busy", 1526296845000L, null, null);

        List<Delivery> d = sim.awaitDelivered(3, WAIT);
        JsonNode pollCreated = d.get(0).json().get("data");
        assertThat(pollCreated.get("questions").toString())
                .isEqualTo("[{\"title\":\"Lunch?\",\"type\":\"SingleOption\","
                        + "\"options\":[{\"title\":\"Pizza\"},{\"title\":\"Salad\"}],\"isInvisible\":false}]");
        assertThat(pollCreated.get("actionId").asText()).isEqualTo(poll.actionId());

        JsonNode first = d.get(1).json().get("data");
        assertThat(first.get("isAnonymous").asBoolean()).isTrue();
        assertThat(first.get("responder").isNull()).isTrue();
        assertThat(first.get("responderName").isNull()).isTrue();
        JsonNode items = first.get("responseDetails").get("responseWithQuestions");
        assertThat(items.get(0).get("answer").toString()).isEqualTo("[\"Calm\",\"Busy\"]");
        assertThat(items.get(1).get("answer").asLong()).isEqualTo(1526296502000L);
        assertThat(items.get(2).get("answer").toString()).isEqualTo("7.5");
        assertThat(items.get(3).get("answer").toString()).isEqualTo("{\"lt\":1.5,\"lg\":2.5,\"n\":\"Depot\"}");

        JsonNode second = d.get(2).json().get("data");
        assertThat(second.get("responseId").asText()).isEqualTo(again).isEqualTo(first.get("responseId").asText());
        assertThat(second.get("isUpdateResponse").asBoolean()).isTrue();
        JsonNode updated = second.get("responseDetails").get("responseWithQuestions");
        assertThat(updated.get(0).get("answer").toString()).isEqualTo("[\"Busy\"]");
        assertThat(updated.get(1).get("answer").asLong()).isEqualTo(1526296845000L);
        assertThat(updated.get(2).get("answer").isNull()).isTrue();
    }

    private List<String> types(String webhookId) {
        return sim.webhooks().deliveries(webhookId).stream().map(Delivery::eventType).toList();
    }
}
