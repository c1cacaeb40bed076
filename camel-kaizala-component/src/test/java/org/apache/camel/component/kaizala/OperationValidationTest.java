package org.apache.camel.component.kaizala;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.model.CreateGroupRequest;
import org.apache.camel.component.kaizala.model.Question;
import org.apache.camel.component.kaizala.model.Survey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation's bad input: a KaizalaValidationException naming the field and the rule, and nothing sent. */
class OperationValidationTest extends KaizalaTestSupport {

    private static final Map<String, Object> GROUP = Map.of(KaizalaConstants.GROUP_ID, "g1");

    private static Map<String, Object> group(String header, Object value) {
        Map<String, Object> headers = new HashMap<>(GROUP);
        headers.put(header, value);
        return headers;
    }

    private static Arguments bad(String uri, Object body, Map<String, Object> headers, String field, String rule) {
        return Arguments.of(uri, body, headers, field, rule);
    }

    static List<Arguments> badInputs() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add("+1555010" + String.format("%04d", i));
        }
        return List.of(
                bad("kaizala:groups/create", Map.of("welcomeMessage", "hi"), Map.of(), "name", "required"),
                bad("kaizala:groups/create", Map.of("name", "x"), Map.of(), "welcomeMessage", "required"),
                bad("kaizala:groups/create", new CreateGroupRequest().name("x").welcomeMessage("").members(tooMany),
                        Map.of(),
                        "members", "at most 100 phone numbers, got 101"),
                bad("kaizala:groups/create", Map.of("name", "x", "welcomeMessage", "", "groupType", "Public"), Map.of(),
                        "groupType", "one of Group, ConnectGroup; got 'Public'"),
                bad("kaizala:groups/create", "a plain text", Map.of(), "body",
                        "a CreateGroupRequest, a Map or a JSON object; got a String"),
                bad("kaizala:groups/create", "{name: ", Map.of(), "body", "does not read as CreateGroupRequest"),
                bad("kaizala:groups/get", null, Map.of(), "groupId",
                        "set the groupId option or the CamelKaizalaGroupId header"),
                bad("kaizala:subgroups/create", Map.of("welcomeMessage", "hi"), GROUP, "groupName", "required"),
                bad("kaizala:subgroups/add", List.of(), GROUP, "subGroups", "at least one required"),
                bad("kaizala:subgroups/remove", null, GROUP, "subGroupId", "CamelKaizalaSubGroupId"),
                bad("kaizala:members/add", "+15550100001,15550100002", GROUP, "members[1]",
                        "a phone number is a plus sign"),
                bad("kaizala:members/add", null, GROUP, "body", "required"),
                bad("kaizala:members/remove", null, GROUP, "memberId", "CamelKaizalaMemberId"),
                bad("kaizala:members/updateRole?memberId=m1", "Owner", GROUP, "role",
                        "one of Admin, Member; got 'Owner'"),
                bad("kaizala:members/updateRole?memberId=m1", null, GROUP, "role", "required"),
                bad("kaizala:subscribers/list?count=51", null, GROUP, "count", "from 1 to 50, got 51"),
                bad("kaizala:subscribers/list", null, group(KaizalaConstants.COUNT, "many"), "count", "a whole number"),
                bad("kaizala:subscribers/add", List.of(), GROUP, "subscribers", "at least one required"),
                bad("kaizala:media/upload", new byte[]{1}, Map.of(KaizalaConstants.FILE_NAME, "notes.txt"), "mediaType",
                        "cannot tell the type of 'notes.txt'"),
                bad("kaizala:media/upload?mediaType=text/plain", new byte[]{1},
                        Map.of(KaizalaConstants.FILE_NAME, "a.txt"),
                        "mediaType", "Kaizala accepts image/jpeg, image/png"),
                bad("kaizala:media/upload", new byte[]{1}, Map.of(), "fileName", "Kaizala needs a file name"),
                bad("kaizala:media/upload", null, Map.of(), "body",
                        "the file to upload: a File, Path, InputStream or byte[]"),
                bad("kaizala:media/upload", Path.of("/no/such/file.png"), Map.of(), "body", "no readable file at"),
                bad("kaizala:media/send", "eyJGaWxlcyI6W119", Map.of(), "groupId", "required"),
                bad("kaizala:media/send?actionType=Poll", "eyJGaWxlcyI6W119", GROUP, "actionType",
                        "one of Image, Album, Audio, Document, Video"),
                bad("kaizala:actions/list", null, GROUP, "actionType", "CamelKaizalaActionType"),
                bad("kaizala:actions/get", null, GROUP, "actionId", "CamelKaizalaActionId"),
                bad("kaizala:actions/survey", new Survey().title("t"), GROUP, "questions", "at least one required"),
                bad("kaizala:actions/survey",
                        new Survey().title("t").questions(List.of(new Question().title("q").type("Essay"))),
                        GROUP, "questions[0].type", "one of SingleOption, MultiOption, Text"),
                bad("kaizala:actions/survey", new Survey().title("t").questions(List.of(new Question().title("q")
                        .type("SingleOption"))), GROUP, "questions[0].options", "at least one required"),
                bad("kaizala:actions/survey", Map.of("questions", List.of(Map.of("title", "q", "type", "Text"))), GROUP,
                        "title", "required"),
                bad("kaizala:actions/job", List.of("+15550100001"), GROUP, "title", "CamelKaizalaTitle"),
                bad("kaizala:actions/job?title=x", List.of("15550100001"), GROUP, "assignedTo[0]", "a phone number"),
                bad("kaizala:actions/job", Map.of("title", "x", "assignedTo", List.of("+15550100001"), "dueDate", 0),
                        GROUP,
                        "dueDate", "a positive number"),
                bad("kaizala:actions/poll?title=Which?", List.of(), GROUP, "choices", "at least one required"),
                bad("kaizala:actions/poll", List.of("a", "b"), GROUP, "question", "required"),
                bad("kaizala:actions/letsMeet", Map.of("title", "x", "startingTime", "tomorrow"), GROUP, "startingTime",
                        "an ISO-8601 date and time"),
                bad("kaizala:actions/announcement?title=New prices", Map.of("title", "x"), GROUP, "message",
                        "required"),
                bad("kaizala:actions/custom", Map.of("title", "x"), GROUP, "actionPackageId", "required"),
                bad("kaizala:actions/custom?actionPackageId=" + "p".repeat(65), Map.of("title", "x"), GROUP,
                        "actionPackageId",
                        "at most 64 characters"),
                bad("kaizala:actions/survey",
                        new Survey().title("t").questions(List.of(new Question().title("q").type("Text"))),
                        group(KaizalaConstants.SUBSCRIBERS, "+1 555"), "subscribers[0]", "a phone number"),
                bad("kaizala:responses/survey?actionId=a1", List.of(), GROUP, "answers", "at least one required"),
                bad("kaizala:responses/survey", List.of("x"), GROUP, "actionId", "required"),
                bad("kaizala:responses/job?actionId=a1", "maybe", GROUP, "isCompleted", "true or false, got 'maybe'"),
                bad("kaizala:responses/custom?actionId=a1", List.of("x"), GROUP, "actionPackageId", "required"),
                bad("kaizala:reactions/add", null, GROUP, "referenceId", "CamelKaizalaReferenceId"),
                bad("kaizala:reactions/add?referenceId=r1", Map.of("reactionType", "Comment"), GROUP, "comment",
                        "required"),
                bad("kaizala:reactions/add?referenceId=r1&reactionType=Love", null, GROUP, "reactionType",
                        "one of Like, Comment; got 'Love'"),
                bad("kaizala:reactions/details?referenceId=r1", null, GROUP, "reactionType", "required"),
                bad("kaizala:reactions/summary", null, GROUP, "referenceId", "required"),
                bad("kaizala:webhooks/subscribe", Map.of("objectType", "Group"), GROUP, "callBackUrl", "required"),
                bad("kaizala:webhooks/subscribe", Map.of("callBackUrl", "ftp://hooks.example"), GROUP, "callBackUrl",
                        "an absolute https:// URL; got 'ftp://hooks.example'"),
                bad("kaizala:webhooks/subscribe",
                        Map.of("callBackUrl", "https://h.example", "eventTypes", List.of("Foo")), GROUP,
                        "eventTypes[0]", "one of ActionCreated"),
                bad("kaizala:webhooks/subscribe", Map.of("callBackUrl", "https://h.example"), Map.of(), "objectId",
                        "(default: groupId)"),
                bad("kaizala:webhooks/subscribe?objectType=Thing", Map.of("callBackUrl", "https://h.example"), GROUP,
                        "objectType", "one of Group, Action, ActionPackage"),
                bad("kaizala:webhooks/list", null, Map.of(), "objectId", "required"),
                bad("kaizala:webhooks/update", Map.of("Active", true), Map.of(), "webhookId", "CamelKaizalaWebhookId"),
                bad("kaizala:webhooks/delete", null, Map.of(), "webhookId", "required"),
                bad("kaizala:auth/generatePin", "12345", Map.of(), "mobileNumber", "a phone number is a plus sign"),
                bad("kaizala:auth/generatePin", null, Map.of(), "mobileNumber", "required"),
                bad("kaizala:auth/refreshToken", "12ab", Map.of(KaizalaConstants.MOBILE_NUMBER, "+15550100001"), "pin",
                        "digits only"),
                bad("kaizala:auth/refreshToken", 1234, Map.of(), "mobileNumber", "required"));
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("badInputs")
    void badInputFailsBeforeAnythingIsSent(String uri, Object body, Map<String, Object> headers, String field,
            String rule) {
        Exchange exchange = send(uri, body, headers);

        assertThat(exchange.getException()).isInstanceOf(KaizalaValidationException.class);
        KaizalaValidationException error = (KaizalaValidationException) exchange.getException();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getMessage()).startsWith(field + ": ").contains(rule);
        assertThat(simulator.journal().all()).isEmpty();
    }
}
