package org.apache.camel.component.kaizala;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.ActionDetailsResponse;
import org.apache.camel.component.kaizala.model.ActionsResponse;
import org.apache.camel.component.kaizala.model.CreateGroupRequest;
import org.apache.camel.component.kaizala.model.CreateGroupResponse;
import org.apache.camel.component.kaizala.model.CreateSubGroupRequest;
import org.apache.camel.component.kaizala.model.Group;
import org.apache.camel.component.kaizala.model.GroupsResponse;
import org.apache.camel.component.kaizala.model.LetsMeet;
import org.apache.camel.component.kaizala.model.MediaResponse;
import org.apache.camel.component.kaizala.model.MediaSentResponse;
import org.apache.camel.component.kaizala.model.Member;
import org.apache.camel.component.kaizala.model.MembersResponse;
import org.apache.camel.component.kaizala.model.Option;
import org.apache.camel.component.kaizala.model.PinLoginResponse;
import org.apache.camel.component.kaizala.model.Place;
import org.apache.camel.component.kaizala.model.Question;
import org.apache.camel.component.kaizala.model.ReactionCreatedResponse;
import org.apache.camel.component.kaizala.model.ReactionDetailsResponse;
import org.apache.camel.component.kaizala.model.ReactionSummaryResponse;
import org.apache.camel.component.kaizala.model.ResponseCreatedResponse;
import org.apache.camel.component.kaizala.model.ResultResponse;
import org.apache.camel.component.kaizala.model.SubscribersResponse;
import org.apache.camel.component.kaizala.model.SubscribersResultResponse;
import org.apache.camel.component.kaizala.model.Survey;
import org.apache.camel.component.kaizala.model.WebhookCreatedResponse;
import org.apache.camel.component.kaizala.model.WebhookRequest;
import org.apache.camel.component.kaizala.model.WebhooksResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each operation through a route: the request the simulator received (method, path, query, headers, body) is the
 * one the reference prescribes, and the route gets the documented answer as a model, with its ids as headers.
 */
class OperationsTest extends KaizalaTestSupport {

    private static final String ALICE = "+15550100001";
    private static final String BOB = "+15550100002";
    private static final String CAROL = "+15550100003";

    private Exchange call(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = send(uri, body, headers);
        assertThat(exchange.getException()).as(uri).isNull();
        return exchange;
    }

    private RecordedRequest last(String method, String pathRegex) {
        List<RecordedRequest> requests = simulator.journal().matching(method, pathRegex);
        assertThat(requests).as(method + " " + pathRegex).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    // ---- groups

    @Test
    void groupsCreateListGet() {
        Exchange created = call("kaizala:groups/create",
                new CreateGroupRequest().name("Field Sales").welcomeMessage("Hello")
                        .members(List.of(ALICE, BOB)),
                Map.of());
        CreateGroupResponse group = created.getMessage().getBody(CreateGroupResponse.class);
        assertThat(group.groupId()).isNotBlank();
        assertThat(group.groupName()).isEqualTo("Field Sales");
        assertThat(created.getMessage().getHeader(KaizalaConstants.GROUP_ID)).isEqualTo(group.groupId());
        RecordedRequest post = last("POST", "/groups");
        assertThat(post.body()).isEqualTo(
                "{\"name\":\"Field Sales\",\"welcomeMessage\":\"Hello\",\"members\":[\"+15550100001\",\"+15550100002\"],"
                        + "\"groupType\":\"Group\"}");
        assertThat(post.header("accessToken")).isNotBlank();

        GroupsResponse listed = call("kaizala:groups/list?showDetail=true", null, Map.of()).getMessage()
                .getBody(GroupsResponse.class);
        assertThat(last("GET", "/groups").query()).containsEntry("showDetail", "true")
                .doesNotContainKey("fetchAllGroups");
        assertThat(listed.groups()).extracting(Group::groupId).contains(group.groupId());

        Group details = call("kaizala:groups/get", null, Map.of(KaizalaConstants.GROUP_ID, group.groupId()))
                .getMessage()
                .getBody(Group.class);
        RecordedRequest get = last("GET", "/groups/[^/]+");
        assertThat(get.resourcePath()).isEqualTo("/groups/" + group.groupId());
        assertThat(get.header("applicationId")).isEqualTo(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(details.groupId()).isEqualTo(group.groupId());
        assertThat(details.groupName()).isEqualTo("Field Sales");
    }

    @Test
    void groupsCreateFromJsonAndMap() {
        call("kaizala:groups/create", "{name: 'From JSON', welcomeMessage: 'hi', groupType: 'connectgroup'}", Map.of());
        assertThat(last("POST", "/groups").bodyJson().get("groupType").asText()).isEqualTo("ConnectGroup");
        call("kaizala:groups/create", Map.of("Name", "From a map", "WelcomeMessage", ""), Map.of());
        assertThat(last("POST", "/groups").body())
                .isEqualTo("{\"name\":\"From a map\",\"welcomeMessage\":\"\",\"members\":[],\"groupType\":\"Group\"}");
    }

    // ---- sub-groups

    @Test
    void subGroupsCreateListAddRemove() {
        String parent = newGroup("Parent");
        String other = newGroup("Other");

        Exchange created = call("kaizala:subgroups/create", new CreateSubGroupRequest().groupName("Jaipur")
                .welcomeMessage("Jaipur team").addUserToGroup(false), Map.of(KaizalaConstants.GROUP_ID, parent));
        String child = created.getMessage().getBody(CreateGroupResponse.class).groupId();
        RecordedRequest post = last("POST", "/groups/[^/]+/subgroups");
        assertThat(post.resourcePath()).isEqualTo("/groups/" + parent + "/subgroups");
        assertThat(post.body())
                .isEqualTo("{\"groupName\":\"Jaipur\",\"name\":\"Jaipur\",\"welcomeMessage\":\"Jaipur team\","
                        + "\"members\":[],\"addUserToGroup\":false,\"groupType\":\"Group\"}");

        call("kaizala:subgroups/add", other, Map.of(KaizalaConstants.GROUP_ID, parent));
        RecordedRequest put = last("PUT", "/groups/[^/]+/subGroups");
        assertThat(put.body()).isEqualTo("{\"subGroups\":[\"" + other + "\"]}");

        Group listed = call("kaizala:subgroups/list?fetchAllGroups=true", null,
                Map.of(KaizalaConstants.GROUP_ID, parent))
                .getMessage().getBody(Group.class);
        assertThat(last("GET", "/groups/[^/]+/subGroups").query()).containsEntry("fetchAllGroups", "true");
        assertThat(listed.subGroups()).extracting(Group::groupId).contains(child, other);

        call("kaizala:subgroups/remove", null,
                Map.of(KaizalaConstants.GROUP_ID, parent, KaizalaConstants.SUB_GROUP_ID, other));
        assertThat(last("DELETE", "/groups/.*").resourcePath()).isEqualTo("/groups/" + parent + "/subGroups/" + other);
        Group after = call("kaizala:subgroups/list", null, Map.of(KaizalaConstants.GROUP_ID, parent)).getMessage()
                .getBody(Group.class);
        assertThat(after.subGroups()).extracting(Group::groupId).contains(child).doesNotContain(other);
    }

    // ---- members

    @Test
    void membersAddListUpdateRoleRemove() {
        String groupId = newGroup("Members");
        Map<String, Object> group = Map.of(KaizalaConstants.GROUP_ID, groupId);

        ResultResponse added = call("kaizala:members/add", ALICE + ", " + BOB, group).getMessage()
                .getBody(ResultResponse.class);
        assertThat(last("PUT", "/groups/[^/]+/members").body())
                .isEqualTo("{\"members\":[\"+15550100001\",\"+15550100002\"]}");
        assertThat(added.result()).isTrue();

        MembersResponse members = call("kaizala:members/list", null, group).getMessage().getBody(MembersResponse.class);
        Member bob = members.members().stream().filter(m -> BOB.equals(m.mobileNumber())).findFirst().orElseThrow();
        assertThat(bob.role()).isEqualTo("Member");

        call("kaizala:members/updateRole", "admin",
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.MEMBER_ID, bob.id()));
        RecordedRequest role = last("PUT", "/groups/[^/]+/members/.+");
        assertThat(role.resourcePath()).isEqualTo("/groups/" + groupId + "/members/" + bob.id());
        assertThat(role.body()).isEqualTo("{\"role\":\"Admin\"}");

        ResultResponse removed = call("kaizala:members/remove?memberId=" + bob.id(), null, group).getMessage()
                .getBody(ResultResponse.class);
        assertThat(removed.result()).isTrue();
        assertThat(last("DELETE", "/groups/.*").resourcePath())
                .isEqualTo("/groups/" + groupId + "/members/" + bob.id());
        assertThat(call("kaizala:members/list", null, group).getMessage().getBody(MembersResponse.class).members())
                .extracting(Member::mobileNumber).doesNotContain(BOB).contains(ALICE);
    }

    // ---- subscribers

    @Test
    void subscribersAddListPagedRemove() {
        String groupId = simulator.state().createPublicGroup("Public").id();
        Map<String, Object> group = Map.of(KaizalaConstants.GROUP_ID, groupId);

        SubscribersResultResponse added = call("kaizala:subscribers/add", List.of(ALICE, BOB, CAROL), group)
                .getMessage()
                .getBody(SubscribersResultResponse.class);
        assertThat(last("PUT", "/groups/[^/]+/subscribers/add").body())
                .isEqualTo("{\"subscribers\":[\"+15550100001\",\"+15550100002\",\"+15550100003\"]}");
        assertThat(added.result()).containsKeys(ALICE, BOB, CAROL);

        Exchange page = call("kaizala:subscribers/list?count=2", null, group);
        assertThat(last("POST", "/groups/[^/]+/subscribers").body()).isEqualTo("{\"count\":2}");
        assertThat(page.getMessage().getBody(SubscribersResponse.class).subscribers()).hasSize(2);
        assertThat(page.getMessage().getHeader(KaizalaConstants.HAS_MORE)).isEqualTo(true);
        String cursor = page.getMessage().getHeader(KaizalaConstants.NEXT_CURSOR, String.class);
        assertThat(cursor).isNotBlank();

        Exchange next = call("kaizala:subscribers/list?count=2", null, Map.of(KaizalaConstants.GROUP_ID, groupId,
                KaizalaConstants.CURSOR, cursor));
        assertThat(last("POST", "/groups/[^/]+/subscribers").body())
                .isEqualTo("{\"count\":2,\"cursor\":\"" + cursor + "\"}");
        assertThat(next.getMessage().getBody(SubscribersResponse.class).subscribers()).hasSize(1);
        assertThat(next.getMessage().getHeader(KaizalaConstants.HAS_MORE)).isEqualTo(false);

        simulator.journal().clear();
        SubscribersResponse all = call("kaizala:subscribers/list?count=1&allPages=true", null, group).getMessage()
                .getBody(SubscribersResponse.class);
        assertThat(all.subscribers()).extracting(s -> s.mobileNumber()).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
        assertThat(simulator.journal().count("POST", "/groups/[^/]+/subscribers")).isEqualTo(3);

        call("kaizala:subscribers/remove", BOB, group);
        assertThat(last("PUT", "/groups/[^/]+/subscribers/remove").body())
                .isEqualTo("{\"subscribers\":[\"+15550100002\"]}");
        assertThat(call("kaizala:subscribers/list?allPages=true", null, group).getMessage()
                .getBody(SubscribersResponse.class)
                .subscribers()).extracting(s -> s.mobileNumber()).containsExactlyInAnyOrder(ALICE, CAROL);
    }

    // ---- media

    @Test
    void mediaUploadStreamsTheFileAsMultipart(@TempDir Path dir) throws Exception {
        byte[] picture = "not really a png, but bytes all the same".getBytes(StandardCharsets.UTF_8);

        Exchange uploaded = call("kaizala:media", picture, Map.of(KaizalaConstants.FILE_NAME, "shelf.png"));
        String mediaResource = uploaded.getMessage().getBody(MediaResponse.class).mediaResource();
        assertThat(mediaResource).isNotBlank();
        assertThat(uploaded.getMessage().getHeader(KaizalaConstants.MEDIA_RESOURCE)).isEqualTo(mediaResource);
        RecordedRequest post = last("POST", "/media");
        assertThat(post.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(post.body()).contains("Content-Disposition: form-data; name=\"FileName\"; filename=\"shelf.png\"")
                .contains("Content-Type: image/png");
        var stored = simulator.state().media(mediaResource).orElseThrow();
        assertThat(stored.files().get(0).size()).isEqualTo(picture.length);

        Path pdf = dir.resolve("report.pdf");
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(big);
        Files.write(pdf, big);
        String bigResource = call("kaizala:media/upload", pdf, Map.of()).getMessage().getBody(MediaResponse.class)
                .mediaResource();
        var bigStored = simulator.state().media(bigResource).orElseThrow().files().get(0);
        assertThat(bigStored.size()).isEqualTo(big.length);
        assertThat(bigStored.contentType()).isEqualTo("application/pdf");
        assertThat(bigStored.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(big)));

        call("kaizala:media/upload", new java.io.ByteArrayInputStream(picture),
                Map.of(Exchange.FILE_NAME, "incoming/clip.mp4"));
        RecordedRequest streamed = last("POST", "/media");
        assertThat(streamed.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(streamed.body()).contains("filename=\"clip.mp4\"").contains("Content-Type: video/mp4");
    }

    @Test
    void mediaSendUploadsThenPostsTheAttachment(@TempDir Path dir) throws Exception {
        String groupId = newGroup("Media");
        Path photo = dir.resolve("shelf.jpg");
        Files.write(photo, new byte[]{1, 2, 3, 4});

        Exchange sent = call("kaizala:media/send?caption=Shelf 17", photo, Map.of(KaizalaConstants.GROUP_ID, groupId));

        MediaSentResponse answer = sent.getMessage().getBody(MediaSentResponse.class);
        RecordedRequest attach = last("POST", "/groups/[^/]+/actions");
        assertThat(attach.body()).isEqualTo("{\"actionType\":\"Image\",\"actionBody\":{\"mediaResource\":\""
                + answer.mediaResource() + "\",\"caption\":\"Shelf 17\"}}");
        assertThat(answer.referenceId()).isNotBlank();
        assertThat(sent.getMessage().getHeader(KaizalaConstants.REFERENCE_ID)).isEqualTo(answer.referenceId());
        assertThat(simulator.journal().all()).extracting(RecordedRequest::resourcePath)
                .containsSubsequence("/media", "/groups/" + groupId + "/actions");

        String pdf = call("kaizala:media/upload", new byte[]{37, 80, 68, 70},
                Map.of(KaizalaConstants.FILE_NAME, "a.pdf"))
                .getMessage().getBody(MediaResponse.class).mediaResource();
        call("kaizala:media/send", pdf,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_TYPE, "document"));
        assertThat(last("POST", "/groups/[^/]+/actions").body())
                .isEqualTo("{\"actionType\":\"Document\",\"actionBody\":{\"mediaResource\":\"" + pdf + "\"}}");
    }

    // ---- actions and responses

    private Survey survey() {
        return new Survey().title("Weekly stock check").questions(List.of(
                new Question().title("Store code").type("Text"),
                new Question().title("Shelf").type("SingleOption").options(List.of(new Option().title("Good"),
                        new Option().title("Needs attention")))));
    }

    @Test
    void actionsOfEveryTypeAreSentInTheEnvelope() {
        String groupId = newGroup("Actions");
        Map<String, Object> group = Map.of(KaizalaConstants.GROUP_ID, groupId);

        Exchange surveyed = call("kaizala:actions/survey", survey(), group);
        ActionCreatedResponse survey = surveyed.getMessage().getBody(ActionCreatedResponse.class);
        assertThat(surveyed.getMessage().getHeader(KaizalaConstants.ACTION_ID)).isEqualTo(survey.actionId());
        assertThat(last("POST", "/groups/[^/]+/actions").body()).isEqualTo(
                "{\"actionType\":\"Survey\",\"actionBody\":{\"title\":\"Weekly stock check\",\"questions\":["
                        + "{\"title\":\"Store code\",\"type\":\"Text\"},"
                        + "{\"title\":\"Shelf\",\"type\":\"SingleOption\",\"options\":[{\"title\":\"Good\"},{\"title\":\"Needs attention\"}]}],"
                        + "\"dueDate\":24,\"isAnonymous\":false,\"isSenderOnly\":false,\"acceptMultipleResponses\":false}}");

        call("kaizala:actions/job?title=Restock aisle 4", List.of(ALICE), group);
        assertThat(last("POST", "/groups/[^/]+/actions").body()).isEqualTo(
                "{\"actionType\":\"Job\",\"actionBody\":{\"title\":\"Restock aisle 4\",\"assignedTo\":[\"+15550100001\"],\"dueDate\":24}}");

        call("kaizala:actions/poll", List.of("Thursday", "Friday"), Map.of(KaizalaConstants.GROUP_ID, groupId,
                KaizalaConstants.TITLE, "Which day?"));
        assertThat(last("POST", "/groups/[^/]+/actions").body()).isEqualTo(
                "{\"actionType\":\"Poll\",\"actionBody\":{\"question\":\"Which day?\",\"choices\":[{\"title\":\"Thursday\"},"
                        + "{\"title\":\"Friday\"}],\"expiryInHours\":720}}");

        call("kaizala:actions/letsMeet",
                new LetsMeet().title("Planning").startingTime("2026-05-21T04:30:00Z").durationInMins(60)
                        .place(new Place().latitude(26.9).longitude(75.8).name("Room 2")),
                group);
        JsonNode meeting = last("POST", "/groups/[^/]+/actions").bodyJson();
        assertThat(meeting.get("actionType").asText()).isEqualTo("LetsMeet");
        assertThat(meeting.at("/actionBody/DurationInMins").asInt()).isEqualTo(60);
        assertThat(meeting.at("/actionBody/duration").asInt()).isEqualTo(60);
        assertThat(meeting.at("/actionBody/place/name").asText()).isEqualTo("Room 2");

        call("kaizala:actions/announcement?title=New prices", "From 1 June.", group);
        assertThat(last("POST", "/groups/[^/]+/actions").body()).isEqualTo(
                "{\"actionType\":\"Announcement\",\"actionBody\":{\"title\":\"New prices\",\"Message\":\"From 1 June.\"}}");

        call("kaizala:actions/custom?actionPackageId=com.contoso.audit", Map.of("title", "Audit", "validity", 24),
                group);
        assertThat(last("POST", "/groups/[^/]+/actions").bodyJson()).isEqualTo(KaizalaJsonTestSupport.tree(
                "{\"id\":\"com.contoso.audit\",\"actionBody\":{\"title\":\"Audit\",\"validity\":24}}"));

        ActionsResponse surveys = call("kaizala:actions/list?actionType=Survey&count=10", null, group).getMessage()
                .getBody(ActionsResponse.class);
        assertThat(last("GET", "/groups/[^/]+/actions").query()).containsEntry("actionType", "Survey")
                .containsEntry("count", "10");
        assertThat(surveys.actions()).extracting(a -> a.actionBody().get("actionId")).contains(survey.actionId());

        ActionDetailsResponse details = call("kaizala:actions/get?getDetails=true", null,
                Map.of(KaizalaConstants.GROUP_ID,
                        groupId, KaizalaConstants.ACTION_ID, survey.actionId()))
                .getMessage().getBody(ActionDetailsResponse.class);
        assertThat(last("GET", "/groups/[^/]+/actions/.+").resourcePath())
                .isEqualTo("/groups/" + groupId + "/actions/" + survey.actionId());
        assertThat(last("GET", "/groups/[^/]+/actions/.+").query()).containsEntry("getDetails", "true");
        assertThat(details.actionType()).isEqualTo("Survey");
    }

    @Test
    void responsesAttachToTheirAction() {
        String groupId = newGroup("Responses");
        String actionId = call("kaizala:actions/survey", survey(), Map.of(KaizalaConstants.GROUP_ID, groupId))
                .getMessage()
                .getBody(ActionCreatedResponse.class).actionId();
        Map<String, Object> target = Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, actionId);

        Exchange responded = call("kaizala:responses/survey", List.of("ST-017", "Good"), target);
        String responseId = responded.getMessage().getBody(ResponseCreatedResponse.class).responseId();
        assertThat(responded.getMessage().getHeader(KaizalaConstants.RESPONSE_ID)).isEqualTo(responseId);
        RecordedRequest post = last("POST", "/groups/[^/]+/actions/[^/]+/responses");
        assertThat(post.resourcePath()).isEqualTo("/groups/" + groupId + "/actions/" + actionId + "/responses");
        assertThat(post.body())
                .isEqualTo("{\"actionType\":\"Survey\",\"actionBody\":{\"Answers\":[\"ST-017\",\"Good\"]}}");

        ActionDetailsResponse details = call("kaizala:actions/get?getDetails=true", null, target).getMessage()
                .getBody(ActionDetailsResponse.class);
        assertThat(details.actionDetails().toString()).contains(responseId);

        String jobId = call("kaizala:actions/job?title=Count stock", ALICE, Map.of(KaizalaConstants.GROUP_ID, groupId))
                .getMessage().getBody(ActionCreatedResponse.class).actionId();
        call("kaizala:responses/job", null,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, jobId));
        assertThat(last("POST", "/groups/[^/]+/actions/[^/]+/responses").body())
                .isEqualTo("{\"actionType\":\"Job\",\"actionBody\":{\"isCompleted\":true}}");

        String customId = call("kaizala:actions/custom?actionPackageId=com.contoso.audit", survey(),
                Map.of(KaizalaConstants.GROUP_ID, groupId)).getMessage().getBody(ActionCreatedResponse.class)
                .actionId();
        Map<String, Object> custom = Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, customId);
        String customResponse = call("kaizala:responses/custom?actionPackageId=com.contoso.audit",
                List.of("ST-018", "Good"),
                custom).getMessage().getBody(ResponseCreatedResponse.class).responseId();
        assertThat(last("POST", "/groups/[^/]+/actions/[^/]+/responses").body()).isEqualTo(
                "{\"id\":\"com.contoso.audit\",\"actionBody\":{\"Answers\":[\"ST-018\",\"Good\"]}}");
        Map<String, Object> update = new java.util.HashMap<>(custom);
        update.put(KaizalaConstants.UPDATE_RESPONSE_ID, customResponse);
        call("kaizala:responses/custom?actionPackageId=com.contoso.audit",
                "{\"Answers\": [\"ST-018\", \"Needs attention\"]}", update);
        assertThat(last("POST", "/groups/[^/]+/actions/[^/]+/responses").body()).isEqualTo(
                "{\"id\":\"com.contoso.audit\",\"responseId\":\"" + customResponse
                        + "\",\"actionBody\":{\"Answers\":[\"ST-018\",\"Needs attention\"]}}");
        assertThat(simulator.state().action(customId).orElseThrow().responses()).singleElement()
                .satisfies(r -> assertThat(r.answers().toString()).contains("Needs attention"));
    }

    // ---- reactions

    @Test
    void reactionsAddSummaryDetails() {
        String groupId = newGroup("Reactions");
        String referenceId = call("kaizala:actions/survey", survey(), Map.of(KaizalaConstants.GROUP_ID, groupId))
                .getMessage()
                .getBody(ActionCreatedResponse.class).referenceId();
        Map<String, Object> target = Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.REFERENCE_ID,
                referenceId);

        Exchange liked = call("kaizala:reactions/add", null, target);
        assertThat(liked.getMessage().getHeader(KaizalaConstants.REACTION_ID))
                .isEqualTo(liked.getMessage().getBody(ReactionCreatedResponse.class).reactionId());
        assertThat(last("POST", "/groups/[^/]+/reaction").body()).isEqualTo("{\"referenceId\":\"" + referenceId
                + "\",\"sourceGroupId\":\"" + groupId + "\",\"reactionType\":\"Like\"}");
        call("kaizala:reactions/add", "Friday works", target);
        assertThat(last("POST", "/groups/[^/]+/reaction").bodyJson().get("comment").asText()).isEqualTo("Friday works");

        ReactionSummaryResponse summary = call("kaizala:reactions/summary", null, target).getMessage()
                .getBody(ReactionSummaryResponse.class);
        RecordedRequest get = last("GET", "/groups/[^/]+/reaction/[^/]+/summary");
        assertThat(get.resourcePath()).isEqualTo("/groups/" + groupId + "/reaction/" + referenceId + "/summary");
        assertThat(get.query()).containsExactly(Map.entry("sourceGroupId", groupId));
        assertThat(summary.summary().get(0).reactionsCountMap()).containsEntry("like", 1L).containsEntry("comment", 1L);

        ReactionSummaryResponse groupSummary = call("kaizala:reactions/groupSummary", null, target).getMessage()
                .getBody(ReactionSummaryResponse.class);
        assertThat(last("GET", "/groups/[^/]+/reaction/summary").query())
                .containsEntry("sourceGroupId", groupId).containsEntry("cursor", "0");
        assertThat(groupSummary.summary()).extracting(s -> s.referenceId()).contains(referenceId);

        ReactionDetailsResponse comments = call("kaizala:reactions/details?reactionType=Comment", null, target)
                .getMessage()
                .getBody(ReactionDetailsResponse.class);
        RecordedRequest details = last("GET", "/groups/[^/]+/reaction/[^/]+");
        assertThat(details.query()).containsEntry("sourceGroupId", groupId).containsEntry("reactionType", "Comment")
                .containsEntry("cursor", "0");
        assertThat(comments.reactionDetails()).hasSize(1);

        ReactionDetailsResponse all = call("kaizala:reactions/details?reactionType=Like&allPages=true", null, target)
                .getMessage().getBody(ReactionDetailsResponse.class);
        assertThat(all.reactionDetails()).hasSize(1);
    }

    // ---- webhooks

    @Test
    void webhooksSubscribeListUpdateDelete() throws Exception {
        try (CallbackEcho callback = new CallbackEcho()) {
            webhooksSubscribeListUpdateDelete(callback.url("/k"));
        }
    }

    private void webhooksSubscribeListUpdateDelete(String callbackUrl) {
        String groupId = newGroup("Webhooks");
        Map<String, Object> group = Map.of(KaizalaConstants.GROUP_ID, groupId);

        Exchange subscribed = call("kaizala:webhooks/subscribe", new WebhookRequest().callBackUrl(callbackUrl)
                .callBackToken("token-123").eventTypes(List.of("textmessagecreated", "SurveyResponse")), group);
        String webhookId = subscribed.getMessage().getBody(WebhookCreatedResponse.class).webhookId();
        assertThat(subscribed.getMessage().getHeader(KaizalaConstants.WEBHOOK_ID)).isEqualTo(webhookId);
        assertThat(last("POST", "/webhook").body())
                .isEqualTo("{\"objectId\":\"" + groupId + "\",\"objectType\":\"Group\","
                        + "\"eventTypes\":[\"TextMessageCreated\",\"SurveyResponse\"],"
                        + "\"callBackUrl\":\"" + callbackUrl + "\",\"callBackToken\":\"token-123\"}");

        WebhooksResponse listed = call("kaizala:webhooks/list", null, group).getMessage()
                .getBody(WebhooksResponse.class);
        assertThat(last("GET", "/webhook").query()).containsEntry("objectId", groupId).containsEntry("objectType",
                "Group");
        assertThat(listed.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(webhookId);
            assertThat(w.events()).containsExactly("TextMessageCreated", "SurveyResponse");
            assertThat(w.toString()).doesNotContain("token-123");
        });

        call("kaizala:webhooks/update", false, Map.of(KaizalaConstants.WEBHOOK_ID, webhookId));
        RecordedRequest put = last("PUT", "/webhook/.+");
        assertThat(put.resourcePath()).isEqualTo("/webhook/" + webhookId);
        assertThat(put.body()).isEqualTo("{\"Active\":false}");
        assertThat(simulator.state().webhook(webhookId).orElseThrow().active()).isFalse();

        call("kaizala:webhooks/delete", null, Map.of(KaizalaConstants.WEBHOOK_ID, webhookId));
        assertThat(last("DELETE", "/webhook/.+").resourcePath()).isEqualTo("/webhook/" + webhookId);
        assertThat(call("kaizala:webhooks/list", null, group).getMessage().getBody(WebhooksResponse.class).webhooks())
                .isEmpty();
    }

    // ---- auth

    @Test
    void thePinFlowAndAnExplicitTokenFetch() {
        String phone = "+15550100077";
        call("kaizala:auth/generatePin", phone, Map.of());
        RecordedRequest pin = last("POST", "/generatePin");
        assertThat(pin.path()).isEqualTo("/v1/generatePin");
        assertThat(pin.header("accessToken")).isNull();
        assertThat(pin.body()).isEqualTo("{\"mobileNumber\":\"" + phone + "\",\"applicationId\":\""
                + KaizalaSimulator.DEFAULT_APPLICATION_ID + "\"}");

        Exchange login = call("kaizala:auth/refreshToken", simulator.lastPin(phone),
                Map.of(KaizalaConstants.MOBILE_NUMBER, phone));
        PinLoginResponse refresh = login.getMessage().getBody(PinLoginResponse.class);
        assertThat(refresh.refreshToken()).isNotBlank();
        assertThat(refresh.toString()).doesNotContain(refresh.refreshToken());
        assertThat(last("POST", "/loginWithPinAndApplicationId").bodyJson().get("pin").isInt()).isTrue();

        int before = simulator.journal().count("GET", "/accessToken");
        AccessTokenResponse token = call("kaizala:auth/accessToken", null, Map.of()).getMessage()
                .getBody(AccessTokenResponse.class);
        assertThat(token.accessToken()).isNotBlank();
        assertThat(token.endpointUrl()).isEqualTo(simulator.endpointUrl());
        assertThat(simulator.journal().count("GET", "/accessToken")).isEqualTo(before + 1);
        // the fetched token is the one used from then on
        call("kaizala:messages", "after the fetch", Map.of(KaizalaConstants.GROUP_ID, newGroup("Token")));
        assertThat(last("POST", "/groups/[^/]+/messages").header("accessToken")).isEqualTo(token.accessToken());
        assertThat(simulator.journal().count("GET", "/accessToken")).isEqualTo(before + 1);
    }
}
