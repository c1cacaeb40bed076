package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.CreateGroupRequest;
import org.apache.camel.component.kaizala.model.CreateGroupResponse;
import org.apache.camel.component.kaizala.model.CreateSubGroupRequest;
import org.apache.camel.component.kaizala.model.LetsMeet;
import org.apache.camel.component.kaizala.model.MediaResponse;
import org.apache.camel.component.kaizala.model.Member;
import org.apache.camel.component.kaizala.model.MembersResponse;
import org.apache.camel.component.kaizala.model.Option;
import org.apache.camel.component.kaizala.model.Place;
import org.apache.camel.component.kaizala.model.Question;
import org.apache.camel.component.kaizala.model.Survey;
import org.apache.camel.component.kaizala.model.SurveyAnswers;
import org.apache.camel.component.kaizala.model.WebhookCreatedResponse;
import org.apache.camel.component.kaizala.model.WebhookRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Conformance with the vendor's {@code swagger.json} (reference §14, §16): every request the component sends for an
 * operation that swagger covers is taken from the simulator's journal and validated, with Atlassian's
 * swagger-request-validator, against a normalised copy of the file built in memory:
 * <ul>
 * <li>swagger's path parameters are renamed as §16 says ({@code {test-group-id}} → {@code {groupId}} …) and the GUID
 * hard-coded in the remove-member path becomes {@code {memberId}} (D18);</li>
 * <li>the templates that become identical after renaming (D24) are merged: the operation documented first stays on the
 * path ({@link #MAIN_OF_MERGED}); the other one is kept aside and a request that it documents is validated against a
 * copy of the spec in which it takes the place of the main one ({@link #COVERED});</li>
 * <li>POST {@code /groups/{groupId}/actions} is modelled by swagger with the survey schema only (D67); for the action
 * types that swagger documents with a definition of their own (job, image, announcement, custom action) the request
 * is validated against that definition instead, so that these bodies are really checked.</li>
 * </ul>
 * A validation message fails the test unless {@link KnownDeviations} lists it (operation + message key + JSON pointer
 * + field), and a listed deviation that no request produced fails it too, so that the list cannot rot. Operations that
 * swagger does not cover are listed in {@link #NOT_IN_SWAGGER} and skipped; every operation of
 * {@link KaizalaOperation} is in exactly one of the two tables.
 * <p>
 * The swagger file is the vendor's, as committed with the API reference ({@code docs/kaizala-api/swagger.json}, put on
 * the test classpath by the pom); {@code -Dkaizala.swagger=/path/to/swagger.json} overrides it.
 */
class SwaggerConformanceTest extends KaizalaTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SwaggerConformanceTest.class);

    private static final String ALICE = "+15550100001";
    private static final String BOB = "+15550100002";
    private static final String CAROL = "+15550100003";
    private static final String PIN_PHONE = "+15550100077";

    // ------------------------------------------------------------------------------------------------------------
    // What is validated against what

    /**
     * The swagger operation a request is validated against, and, for the shared POST {@code …/actions} endpoint, the
     * swagger definition that documents this action type's body (null: the operation's own body schema).
     */
    record Target(String operationId, String bodyDefinition) {}

    private static Target swagger(String operationId) {
        return new Target(operationId, null);
    }

    private static Target swagger(String operationId, String bodyDefinition) {
        return new Target(operationId, bodyDefinition);
    }

    /**
     * Every case this test drives: our operation id (with a {@code #variant} where one operation has two swagger
     * shapes) → what its requests are validated against. All 28 swagger operations appear.
     */
    static final Map<String, Target> COVERED = new LinkedHashMap<>();

    static {
        COVERED.put("auth/generatePin", swagger("GeneratePin"));
        COVERED.put("auth/refreshToken", swagger("GetRefreshToken"));
        COVERED.put("auth/accessToken", swagger("GenerateAccessToken"));
        COVERED.put("groups/create", swagger("CreateGroup"));
        COVERED.put("groups/list", swagger("FetchDirectGroups"));
        COVERED.put("groups/get", swagger("FetchGroupDetails"));
        COVERED.put("subgroups/create", swagger("CreateSubgroup"));
        COVERED.put("subgroups/add", swagger("AddSubgroup"));
        COVERED.put("subgroups/list", swagger("FetchSubgroup"));
        COVERED.put("subgroups/remove", swagger("RemoveGroupAsSubgroup"));
        COVERED.put("members/add", swagger("AddMembers"));
        COVERED.put("members/list", swagger("FetchMembers"));
        COVERED.put("members/remove", swagger("RemoveMembers"));
        COVERED.put("subscribers/list", swagger("GetSubscribers"));
        COVERED.put("subscribers/add", swagger("AddSubscribers"));
        COVERED.put("subscribers/remove", swagger("RemoveSubscribers"));
        COVERED.put("messages/send", swagger("SendMessage"));
        COVERED.put("messages/send#subscribers", swagger("SendMessageToSubscriber"));
        COVERED.put("media/upload", swagger("UploadMedia"));
        COVERED.put("media/send", swagger("SendSurvey", "Request - SendImageOnAGroup"));
        COVERED.put("actions/list", swagger("FetchJobs"));
        COVERED.put("actions/get", swagger("FetchingSurveyResponses"));
        COVERED.put("actions/survey", swagger("SendSurvey"));
        COVERED.put("actions/job", swagger("SendSurvey", "Request - PostAJobOnAGroup"));
        // no swagger definition for polls and meetings: the survey schema, with D67's deviations
        COVERED.put("actions/poll", swagger("SendSurvey"));
        COVERED.put("actions/letsMeet", swagger("SendSurvey"));
        // of swagger's two announcement definitions, the one spelled like §9.9 (actionType, Message); the other has
        // 'actiontype' and 'message' (D37)
        COVERED.put("actions/announcement",
                swagger("SendSurvey", "Request - PostCustomAnnouncementToAGroup[withImages]"));
        COVERED.put("actions/custom", swagger("SendSurvey", "Request - PostCustomActionOnAGroup"));
        COVERED.put("actions/custom#subscribers", swagger("PostCustomActionSubscriber"));
        COVERED.put("responses/survey", swagger("PostingSurveyResponse"));
        COVERED.put("responses/job", swagger("PostingActionResponse"));
        COVERED.put("responses/custom", swagger("PostingActionResponse"));
        COVERED.put("webhooks/list", swagger("GetAllWebhooks"));
        COVERED.put("webhooks/subscribe", swagger("SubscribeToAllEvents"));
        COVERED.put("webhooks/delete", swagger("UnsubscribingAWebhook"));
    }

    /** Operations swagger.json does not have at all: not driven here. */
    static final Map<String, String> NOT_IN_SWAGGER = Map.of(
            "members/updateRole", "D19: the role change is documented by the FAQ only",
            "reactions/add", "D46: reactions are documented by the articles only",
            "reactions/summary", "D46: reactions are documented by the articles only",
            "reactions/groupSummary", "D46: reactions are documented by the articles only",
            "reactions/details", "D46: reactions are documented by the articles only",
            "webhooks/update", "D53: PUT /webhook/{webhookId} is documented by the articles only");

    /** D24: templates that differ only by parameter name; the operation that stays on the merged path. */
    static final Set<String> MAIN_OF_MERGED = Set.of("SendMessage", "SendSurvey", "PostingSurveyResponse");

    /** §16: swagger's path-parameter names → ours. */
    static final Map<String, String> PATH_PARAMETERS = Map.of(
            "test-group-id", "groupId", "test-public-group-id", "groupId", "test-sub-group-id", "subGroupId",
            "test-survey-id", "actionId", "test-action-id", "actionId", "test-webhook-id", "webhookId");

    /** D18: the member id swagger hard-codes in the remove-member path. */
    static final String HARD_CODED_MEMBER_ID = "364388bc-5b7f-4857-a58c-31eba18e962e";

    // ------------------------------------------------------------------------------------------------------------
    // The tolerated deviations: the one place

    /**
     * Every validation message the component's requests are allowed to produce, each with its row in reference §14
     * (or the section that decides, where §14 has no row) and why. A finding matches an entry on operation (our id,
     * without the {@code #variant}), the validator's message key, the JSON pointer (array indexes as {@code *}) and the
     * field the message names (a missing or unexpected property, a parameter, or the JSON type found). Anything else
     * fails the test; so does an entry field that no request produced.
     */
    static final class KnownDeviations {

        /**
         * §14 rows this test handles by normalising swagger.json rather than by tolerating messages, so they do not
         * appear in {@link #LIST}.
         */
        static final List<String> NORMALISED = List.of(
                "§16/D7/D29/D52: swagger's path-parameter names are renamed to ours; every path is below /v1",
                "D18: the GUID hard-coded in swagger's remove-member path becomes {memberId}",
                "D24: /messages, /actions and /actions/{actionId}/responses are each one template; the operation in "
                        + "MAIN_OF_MERGED stays on the path, the other (SendMessageToSubscriber, PostCustomActionSubscriber, "
                        + "PostingActionResponse) validates the requests it documents (see COVERED)",
                "D67: POST …/actions is validated against swagger's own definition for job (PostAJobOnAGroup), "
                        + "attachment (SendImageOnAGroup), announcement (PostCustomAnnouncementToAGroup[withImages]) and custom "
                        + "action (PostCustomActionOnAGroup); poll and Let's Meet have none and meet the survey schema (LIST)");

        /** What the validator cannot check here, and what the test does instead. */
        static final List<String> NOT_CHECKED = List.of(
                "POST /media (D25): the validator does not read multipart bodies ('Validation of multipart/form-data not "
                        + "supported'); the test checks the part names itself (FileName present, no other part) and that FileName "
                        + "is sent as a file with its own Content-Type; the bytes and the MIME type are not checked (swagger has "
                        + "no constraint on them)",
                "D6: which host a call goes to (x-ms-parameterized-host): the simulator serves every base URL",
                "header values: swagger types headers as plain strings ('application/json' is only a description), so "
                        + "only their presence is checked",
                "the answers: only requests are validated (responses are the simulator's, not the vendor's)");

        static final String REQUIRED = "validation.request.body.schema.required";
        static final String NOT_ALLOWED = "validation.request.body.schema.additionalProperties";
        static final String TYPE = "validation.request.body.schema.type";
        static final String QUERY_UNEXPECTED = "validation.request.parameter.query.unexpected";

        static final List<Deviation> LIST = List.of(
                // groups and sub-groups
                new Deviation("D10", "groups/list", QUERY_UNEXPECTED, "query", Set.of("showDetail", "fetchAllGroups"),
                        "swagger has no query parameters for GET /groups; the articles' showDetail/fetchAllGroups are sent only when set"),
                new Deviation("D10", "subgroups/list", QUERY_UNEXPECTED, "query", Set.of("fetchAllGroups"),
                        "fetchAllGroups is article-only (§4.1), sent only when set"),
                new Deviation("D13", "subgroups/create", NOT_ALLOWED, "/", Set.of("groupName", "addUserToGroup"),
                        "swagger reuses the create-group schema; we send the union with the articles' groupName (= name) and addUserToGroup when set"),
                // subscribers and messages
                new Deviation("D21", "subscribers/list", REQUIRED, "/", Set.of("cursor"),
                        "swagger requires cursor on every page; the articles make it optional and the first page has none"),
                new Deviation("D23", "messages/send", REQUIRED, "/", Set.of("Message"),
                        "swagger's subscriber variant spells the text 'Message'; we send 'message' (case-insensitive binding)"),
                new Deviation("D23", "messages/send", NOT_ALLOWED, "/", Set.of("message"),
                        "the other half of D23: 'message' is not a property of swagger's subscriber variant"),
                new Deviation("§7.1", "messages/send", REQUIRED, "/", Set.of("subscribers"),
                        "no §14 row: swagger requires subscribers; §7.1 sends them only when targeting, not when broadcasting to all"),
                // media
                new Deviation("D26", "media/send", REQUIRED, "/actionBody", Set.of("caption"),
                        "swagger's ImageActionBody requires caption; it is optional in the articles and sent only when given"),
                // actions
                new Deviation("D67", "actions/poll", REQUIRED, "/actionBody",
                        Set.of("title", "questions", "dueDate", "isAnonymous", "isSenderOnly",
                                "acceptMultipleResponses"),
                        "swagger models POST …/actions with the survey schema only and has no poll definition (§9.7 is article-only)"),
                new Deviation("D67", "actions/poll", NOT_ALLOWED, "/actionBody",
                        Set.of("question", "choices", "expiryInHours"),
                        "the poll fields of §9.7 are not in swagger's survey schema"),
                new Deviation("D67", "actions/letsMeet", REQUIRED, "/actionBody",
                        Set.of("questions", "dueDate", "isAnonymous", "isSenderOnly", "acceptMultipleResponses"),
                        "swagger models POST …/actions with the survey schema only and has no Let's Meet definition (§9.8)"),
                new Deviation("D67", "actions/letsMeet", NOT_ALLOWED, "/actionBody",
                        Set.of("startingTime", "DurationInMins", "duration", "place"),
                        "the meeting fields of §9.8 (D36: both duration keys) are not in swagger's survey schema"),
                new Deviation("D37", "actions/announcement", NOT_ALLOWED, "/actionBody", Set.of("title"),
                        "the articles' announcement has a title; neither swagger announcement definition has one"),
                new Deviation("D37", "actions/announcement", REQUIRED, "/actionBody", Set.of("MediaResources"),
                        "swagger's announcement-with-images requires MediaResources; §9.9 makes it optional, sent only with images"),
                new Deviation("D42", "actions/custom", NOT_ALLOWED, "/actionBody", Set.of("title"),
                        "swagger's custom-action body only has properties, while its own examples send title; the body is the caller's"),
                new Deviation("D32", "actions/list", QUERY_UNEXPECTED, "query", Set.of("count"),
                        "swagger's GET …/actions has only actionType; the articles' count (and fromDate) are sent only when set"),
                // responses
                new Deviation("§10.1", "responses/survey", REQUIRED, "/actionBody",
                        Set.of("responseName", "responseLocation"),
                        "swagger requires them; §10.1 sends them only when the caller gives them (never a made-up location)"),
                new Deviation("D69", "responses/survey", TYPE, "/actionBody/Answers/*", Set.of("string"),
                        "swagger types every survey answer as the location object {lt,lg,n}; answers are mixed per question type"),
                new Deviation("D44", "responses/survey", TYPE, "/actionBody/responseLocation/latitude",
                        Set.of("number"),
                        "swagger types latitude as int32; coordinates are doubles"),
                new Deviation("D44", "responses/survey", TYPE, "/actionBody/responseLocation/longitude",
                        Set.of("number"),
                        "swagger types longitude as int32; coordinates are doubles"),
                new Deviation("D45", "responses/job", REQUIRED, "/", Set.of("id"),
                        "swagger requires both id and actionType; exactly one is sent (actionType for a built-in Job)"),
                new Deviation("§10.1", "responses/job", REQUIRED, "/actionBody", Set.of("Answers"),
                        "swagger has no job-response schema; the generic one requires Answers, a job response is {isCompleted}"),
                new Deviation("§10.1", "responses/job", NOT_ALLOWED, "/actionBody", Set.of("isCompleted"),
                        "the job response of §10.1 is not in swagger's generic response body"),
                new Deviation("D45", "responses/custom", REQUIRED, "/", Set.of("actionType"),
                        "swagger requires both id and actionType; exactly one is sent (the package id for a custom action)"),
                // webhooks
                new Deviation("D54", "webhooks/subscribe", REQUIRED, "/", Set.of("callBackToken", "callBackContext"),
                        "swagger requires callBackToken and callBackContext; they are optional in the articles, sent only when configured"));

        private KnownDeviations() {
        }
    }

    record Deviation(String ref, String operation, String key, String pointer, Set<String> fields, String reason) {

        boolean matches(Finding finding) {
            return operation.equals(finding.operation()) && key.equals(finding.key())
                    && pointer.equals(finding.pointer())
                    && fields.contains(finding.field());
        }

        String describe() {
            return ref + " " + operation + " " + key + " " + pointer + " " + fields + ": " + reason;
        }
    }

    /** One thing the validator (or the multipart check) found about one request. */
    record Finding(String caseId, String key, String pointer, String field, String message, RecordedRequest request) {

        String operation() {
            int hash = caseId.indexOf('#');
            return hash < 0 ? caseId : caseId.substring(0, hash);
        }

        String describe() {
            return caseId + ": " + key + " at " + pointer + " [" + field + "]: " + message + "\n    request: "
                    + request.method() + " " + request.path() + (request.query().isEmpty() ? "" : " " + request.query())
                    + (request.body() == null || request.body().isEmpty() ? ""
                            : "\n    body: " + abbreviate(request.body()));
        }
    }

    /** A request from the journal and the case it belongs to. */
    record Sent(String caseId, RecordedRequest request) {}

    // ------------------------------------------------------------------------------------------------------------
    // The test

    private final List<Sent> sent = new ArrayList<>();
    private final List<String> failedAgainstTheSimulator = new ArrayList<>();

    @Test
    void everyOperationIsEitherCoveredOrListedAsNotInSwagger() {
        Set<String> ours = Arrays.stream(KaizalaOperation.values()).map(KaizalaOperation::id)
                .collect(Collectors.toSet());
        Set<String> covered = COVERED.keySet().stream().map(id -> id.replaceFirst("#.*", ""))
                .collect(Collectors.toSet());
        assertThat(covered).doesNotContainAnyElementsOf(NOT_IN_SWAGGER.keySet());
        Set<String> listed = new TreeSet<>(covered);
        listed.addAll(NOT_IN_SWAGGER.keySet());
        assertThat(listed).as("each KaizalaOperation is covered here or listed as not in swagger")
                .containsExactlyInAnyOrderElementsOf(ours);
    }

    @Test
    void theNormalisedSwaggerHasEveryOperationOnOurPaths() throws IOException {
        Swagger spec = Swagger.load();
        assertThat(spec.operationIds()).hasSize(28);
        List<String> pathParameters = new ArrayList<>();
        spec.normalised.get("paths")
                .forEach(path -> path.forEach(operation -> operation.get("parameters").forEach(p -> {
                    if ("path".equals(p.get("in").asText())) {
                        pathParameters.add(p.get("name").asText());
                    }
                })));
        assertThat(pathParameters).containsOnly("groupId", "subGroupId", "memberId", "actionId", "webhookId");
        // 28 operations, three pairs of which share a template (D24): 25 method + path pairs
        assertThat(spec.templates()).hasSize(25).contains("DELETE /groups/{groupId}/members/{memberId}",
                "POST /groups/{groupId}/messages", "POST /groups/{groupId}/actions",
                "POST /groups/{groupId}/actions/{actionId}/responses");
        assertThat(COVERED.values()).extracting(Target::operationId).containsAll(spec.operationIds());
    }

    @Test
    void everyRequestConformsToTheVendorSwagger() throws Exception {
        long start = System.nanoTime();
        Swagger spec = Swagger.load();
        driveEveryCoveredOperation();

        assertThat(sent).as("every request in the journal is filed under a case")
                .hasSameSizeAs(simulator.journal().all());
        Map<String, List<Sent>> byCase = sent.stream()
                .collect(Collectors.groupingBy(Sent::caseId, LinkedHashMap::new, Collectors.toList()));
        assertThat(byCase.keySet()).as("every covered case sent at least one request")
                .containsExactlyInAnyOrderElementsOf(COVERED.keySet());

        List<Finding> findings = new ArrayList<>();
        for (Sent s : sent) {
            findings.addAll(spec.validate(s.caseId(), COVERED.get(s.caseId()), s.request()));
        }

        Map<Deviation, Set<String>> hit = new LinkedHashMap<>();
        List<Finding> unexplained = new ArrayList<>();
        for (Finding finding : findings) {
            List<Deviation> matching = KnownDeviations.LIST.stream().filter(d -> d.matches(finding)).toList();
            if (matching.isEmpty()) {
                unexplained.add(finding);
            }
            matching.forEach(d -> hit.computeIfAbsent(d, k -> new TreeSet<>()).add(finding.field()));
        }
        List<String> neverHit = new ArrayList<>();
        for (Deviation deviation : KnownDeviations.LIST) {
            Set<String> missing = new TreeSet<>(deviation.fields());
            missing.removeAll(hit.getOrDefault(deviation, Set.of()));
            if (!missing.isEmpty()) {
                neverHit.add(deviation.describe() + " — never seen: " + missing);
            }
        }

        LOG.info("Validated {} requests of {} cases against swagger.json in {} ms: {} findings, {} tolerated, {} not; "
                + "calls the simulator failed: {}",
                sent.size(), byCase.size(), (System.nanoTime() - start) / 1_000_000, findings.size(),
                findings.size() - unexplained.size(), unexplained.size(), failedAgainstTheSimulator);
        StringBuilder problems = new StringBuilder();
        if (!unexplained.isEmpty()) {
            problems.append(unexplained.size()).append(" validation message(s) not in KnownDeviations:\n");
            unexplained.forEach(f -> problems.append("  - ").append(f.describe()).append('\n'));
        }
        if (!neverHit.isEmpty()) {
            problems.append(neverHit.size())
                    .append(" KnownDeviations entr(y/ies) no request produced (remove them):\n");
            neverHit.forEach(d -> problems.append("  - ").append(d).append('\n'));
        }
        if (!problems.isEmpty()) {
            fail(problems.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Driving the operations through routes

    private void driveEveryCoveredOperation() throws IOException {
        // auth: the PIN flow, and the token fetch the component makes itself (also before its first resource call)
        step("auth/generatePin", "kaizala:auth/generatePin", PIN_PHONE, Map.of());
        step("auth/refreshToken", "kaizala:auth/refreshToken", simulator.lastPin(PIN_PHONE),
                Map.of(KaizalaConstants.MOBILE_NUMBER, PIN_PHONE));
        step("auth/accessToken", "kaizala:auth/accessToken", null, Map.of());

        // groups
        String groupId = required(step("groups/create", "kaizala:groups/create",
                new CreateGroupRequest().name("Field Sales")
                        .welcomeMessage("Hello").members(List.of(ALICE, BOB)),
                Map.of()), CreateGroupResponse.class).groupId();
        Map<String, Object> group = Map.of(KaizalaConstants.GROUP_ID, groupId);
        step("groups/list", "kaizala:groups/list", null, Map.of());
        step("groups/list", "kaizala:groups/list?showDetail=true&fetchAllGroups=true", null, Map.of());
        step("groups/get", "kaizala:groups/get", null, group);

        // sub-groups
        String other = newGroup("Other");
        step("subgroups/create", "kaizala:subgroups/create", new CreateSubGroupRequest().groupName("Jaipur")
                .welcomeMessage("Jaipur team").addUserToGroup(false), group);
        step("subgroups/add", "kaizala:subgroups/add", other, group);
        step("subgroups/list", "kaizala:subgroups/list", null, group);
        step("subgroups/list", "kaizala:subgroups/list?fetchAllGroups=true", null, group);
        step("subgroups/remove", "kaizala:subgroups/remove", null,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.SUB_GROUP_ID, other));

        // members
        step("members/add", "kaizala:members/add", List.of(CAROL), group);
        MembersResponse members = required(step("members/list", "kaizala:members/list", null, group),
                MembersResponse.class);
        String carol = members.members().stream().filter(m -> CAROL.equals(m.mobileNumber())).map(Member::id)
                .findFirst()
                .orElseThrow();
        step("members/remove", "kaizala:members/remove", null,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.MEMBER_ID, carol));

        // subscribers of a public group: a first page (no cursor) and the pages after it (with one)
        String publicId = simulator.state().createPublicGroup("Public").id();
        Map<String, Object> publicGroup = Map.of(KaizalaConstants.GROUP_ID, publicId);
        step("subscribers/add", "kaizala:subscribers/add", List.of(ALICE, BOB, CAROL), publicGroup);
        step("subscribers/list", "kaizala:subscribers/list?count=1&allPages=true", null, publicGroup);
        step("subscribers/remove", "kaizala:subscribers/remove", List.of(CAROL), publicGroup);

        // messages: to a group, to some subscribers of a public group, to all of them
        step("messages/send", "kaizala:messages/send", "Hello all", group);
        step("messages/send#subscribers", "kaizala:messages/send", "Hello Alice",
                Map.of(KaizalaConstants.GROUP_ID, publicId, KaizalaConstants.SUBSCRIBERS, List.of(ALICE)));
        step("messages/send#subscribers", "kaizala:messages/send", "Hello subscribers",
                Map.of(KaizalaConstants.GROUP_ID, publicId, KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS, true));

        // media: an upload, an upload + attachment with a caption, an attachment of an uploaded file without one
        byte[] picture = "not really a png, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        String mediaResource = required(step("media/upload", "kaizala:media/upload", picture,
                Map.of(KaizalaConstants.FILE_NAME, "shelf.png")), MediaResponse.class).mediaResource();
        step("media/send", "kaizala:media/send?caption=Shelf 17", picture,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.FILE_NAME, "shelf.jpg"));
        step("media/send", "kaizala:media/send", mediaResource, group);

        // actions
        String surveyId = required(step("actions/survey", "kaizala:actions/survey", survey(), group),
                ActionCreatedResponse.class).actionId();
        String jobId = required(step("actions/job", "kaizala:actions/job?title=Restock aisle 4", List.of(ALICE), group),
                ActionCreatedResponse.class).actionId();
        step("actions/poll", "kaizala:actions/poll", List.of("Thursday", "Friday"),
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.TITLE, "Which day?"));
        step("actions/letsMeet", "kaizala:actions/letsMeet", new LetsMeet().title("Planning")
                .startingTime("2026-05-21T04:30:00Z").durationInMins(60)
                .place(new Place().latitude(26.9124).longitude(75.7873).name("Room 2")), group);
        step("actions/announcement", "kaizala:actions/announcement?title=New prices", "From 1 June.", group);
        Exchange custom = step("actions/custom", "kaizala:actions/custom?actionPackageId=com.contoso.audit",
                Map.of("title", "Store audit", "properties",
                        List.of(Map.of("name", "region", "type", "Text", "value", "North"))),
                group);
        step("actions/custom#subscribers", "kaizala:actions/custom?actionPackageId=com.contoso.feedback",
                Map.of("title", "Rate your last delivery", "validity", 24),
                Map.of(KaizalaConstants.GROUP_ID, publicId, KaizalaConstants.SUBSCRIBERS, List.of(ALICE)));
        step("actions/list", "kaizala:actions/list?actionType=Survey", null, group);
        step("actions/list", "kaizala:actions/list?actionType=Survey&count=10", null, group);
        step("actions/get", "kaizala:actions/get", null,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, surveyId));
        step("actions/get", "kaizala:actions/get?getDetails=true", null,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, surveyId));

        // responses: a plain survey response and one with a name and a location; a job; a custom action
        Map<String, Object> onSurvey = Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, surveyId);
        step("responses/survey", "kaizala:responses/survey", List.of("ST-017", "Good"), onSurvey);
        step("responses/survey", "kaizala:responses/survey", new SurveyAnswers().responseName("Store 17 - week 20")
                .responseLocation(new Place().latitude(26.9196).longitude(75.7878).name("Store 17"))
                .answers(List.of("ST-017", "Needs attention")), onSurvey);
        step("responses/job", "kaizala:responses/job", null,
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID, jobId));
        ActionCreatedResponse customAction = custom.getException() == null
                ? custom.getMessage().getBody(ActionCreatedResponse.class) : null;
        step("responses/custom", "kaizala:responses/custom?actionPackageId=com.contoso.audit", List.of("North", "12"),
                Map.of(KaizalaConstants.GROUP_ID, groupId, KaizalaConstants.ACTION_ID,
                        customAction != null ? customAction.actionId() : surveyId));

        // webhooks: a subscription without callBackToken/callBackContext and one with both
        try (CallbackEcho callback = new CallbackEcho()) {
            step("webhooks/subscribe", "kaizala:webhooks/subscribe",
                    new WebhookRequest().callBackUrl(callback.url("/k")).eventTypes(List.of("TextMessageCreated")),
                    group);
            String webhookId = required(step("webhooks/subscribe", "kaizala:webhooks/subscribe",
                    new WebhookRequest().callBackUrl(callback.url("/k2")).callBackToken("token-123")
                            .callBackContext("crm-sync").eventTypes(List.of("SurveyResponse")),
                    group),
                    WebhookCreatedResponse.class).webhookId();
            step("webhooks/list", "kaizala:webhooks/list", null, group);
            step("webhooks/delete", "kaizala:webhooks/delete", null, Map.of(KaizalaConstants.WEBHOOK_ID, webhookId));
        }
    }

    /**
     * Sends through a route and files what the simulator received under {@code caseId}, but the token fetch and the
     * upload the component makes on its own, which are filed under their own operations. A call the simulator answers
     * with an error still counts: its request is validated all the same.
     */
    private Exchange step(String caseId, String uri, Object body, Map<String, Object> headers) {
        int before = simulator.journal().all().size();
        Exchange exchange = send(uri, body, headers);
        List<RecordedRequest> all = simulator.journal().all();
        List<RecordedRequest> mine = all.subList(before, all.size());
        assertThat(mine).as("%s (%s) sent no request; exception: %s", caseId, uri, exchange.getException())
                .isNotEmpty();
        for (RecordedRequest request : mine) {
            String filed = caseId;
            if ("/accessToken".equals(request.resourcePath())) {
                filed = "auth/accessToken";
            } else if ("/media".equals(request.resourcePath()) && caseId.equals("media/send")) {
                filed = "media/upload";
            }
            sent.add(new Sent(filed, request));
        }
        if (exchange.getException() != null) {
            failedAgainstTheSimulator.add(caseId + " (" + uri + "): " + exchange.getException().getMessage());
        }
        return exchange;
    }

    private static <T> T required(Exchange exchange, Class<T> type) {
        assertThat(exchange.getException()).as("needed for the next steps").isNull();
        return exchange.getMessage().getBody(type);
    }

    private static Survey survey() {
        return new Survey().title("Weekly stock check").questions(List.of(
                new Question().title("Store code").type("Text"),
                new Question().title("Shelf").type("SingleOption").options(List.of(new Option().title("Good"),
                        new Option().title("Needs attention")))));
    }

    // ------------------------------------------------------------------------------------------------------------
    // swagger.json, normalised, and the validators built from it

    static final class Swagger {

        private static final JsonMapper JSON = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS) // raw line breaks inside strings (D61)
                .build();
        private static final Pattern PARAMETER_NAME = Pattern.compile("'([^']+)'");
        private static final Pattern PROPERTY_LIST = Pattern.compile("\\[(\"[^]]*\")]");
        private static final Pattern FOUND_TYPE = Pattern.compile("instance type \\((\\w+)\\)",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern FORM_PART = Pattern.compile(
                "Content-Disposition: form-data; name=\"([^\"]*)\"(; filename=\"[^\"]*\")?\\r?\\n(Content-Type: [^\\r\\n]+)?",
                Pattern.CASE_INSENSITIVE);
        private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

        /** The file as read. */
        final ObjectNode original;
        /** Paths renamed and merged. */
        final ObjectNode normalised;
        /** operationId → where it is in {@link #normalised}, or (for the merged-away ones) its own node. */
        private final Map<String, Located> operations = new TreeMap<>();
        private final Map<Target, OpenApiInteractionValidator> validators = new HashMap<>();

        record Located(String path, String method, ObjectNode operation, boolean merged) {}

        private Swagger(ObjectNode original) {
            this.original = original;
            this.normalised = original.deepCopy();
            ObjectNode paths = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = original.get("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String path = normalisePath(entry.getKey());
                ObjectNode target = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
                for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        throw new IllegalStateException(
                                "unexpected path-level entry " + op.getKey() + " in " + entry.getKey());
                    }
                    ObjectNode operation = normaliseOperation((ObjectNode) op.getValue().deepCopy(), entry.getKey(),
                            path);
                    String id = operation.get("operationId").asText();
                    ObjectNode existing = (ObjectNode) target.get(op.getKey());
                    if (existing == null) {
                        target.set(op.getKey(), operation);
                        operations.put(id, new Located(path, op.getKey(), operation, false));
                        continue;
                    }
                    // D24: two templates that are one; keep the main one on the path, the other aside
                    String existingId = existing.get("operationId").asText();
                    boolean incomingIsMain = MAIN_OF_MERGED.contains(id);
                    if (incomingIsMain == MAIN_OF_MERGED.contains(existingId)) {
                        throw new IllegalStateException(
                                "merged templates " + existingId + " and " + id + " on " + op.getKey()
                                        + " " + path + ": exactly one must be in MAIN_OF_MERGED");
                    }
                    ObjectNode main = incomingIsMain ? operation : existing;
                    ObjectNode aside = incomingIsMain ? existing : operation;
                    target.set(op.getKey(), main);
                    operations.put(main.get("operationId").asText(), new Located(path, op.getKey(), main, false));
                    operations.put(aside.get("operationId").asText(), new Located(path, op.getKey(), aside, true));
                }
            }
            normalised.set("paths", paths);
        }

        static Swagger load() throws IOException {
            String given = System.getProperty("kaizala.swagger");
            if (given != null) {
                return new Swagger(
                        (ObjectNode) JSON.readTree(Files.readString(Path.of(given), StandardCharsets.UTF_8)));
            }
            try (var in = SwaggerConformanceTest.class.getResourceAsStream("/kaizala-api/swagger.json")) {
                if (in == null) {
                    throw new IllegalStateException("kaizala-api/swagger.json is not on the test classpath");
                }
                return new Swagger((ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }

        private static String normalisePath(String path) {
            String result = path.replace("/" + HARD_CODED_MEMBER_ID, "/{memberId}");
            for (Map.Entry<String, String> rename : PATH_PARAMETERS.entrySet()) {
                result = result.replace("{" + rename.getKey() + "}", "{" + rename.getValue() + "}");
            }
            return result;
        }

        private static ObjectNode normaliseOperation(ObjectNode operation, String originalPath, String path) {
            ArrayNode parameters = (ArrayNode) operation.get("parameters");
            for (JsonNode parameter : parameters) {
                if ("path".equals(parameter.path("in").asText())) {
                    String name = parameter.get("name").asText();
                    String renamed = PATH_PARAMETERS.get(name);
                    if (renamed == null) {
                        throw new IllegalStateException(
                                "no §16 name for path parameter " + name + " of " + originalPath);
                    }
                    ((ObjectNode) parameter).put("name", renamed);
                }
            }
            if (originalPath.contains(HARD_CODED_MEMBER_ID)) {
                parameters.addObject().put("name", "memberId").put("in", "path").put("required", true).put("type",
                        "string");
            }
            return operation;
        }

        Set<String> operationIds() {
            return operations.keySet();
        }

        Set<String> templates() {
            Set<String> templates = new TreeSet<>();
            normalised.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> templates.add(m.toUpperCase() + " " + p.getKey())));
            return templates;
        }

        /** The normalised spec as {@code target} sees it: its operation on the shared path, with its body schema. */
        private OpenApiInteractionValidator validator(Target target) {
            return validators.computeIfAbsent(target, t -> {
                Located located = located(t);
                ObjectNode spec = normalised.deepCopy();
                ObjectNode operation = located.operation().deepCopy();
                if (t.bodyDefinition() != null) {
                    if (!original.get("definitions").has(t.bodyDefinition())) {
                        throw new IllegalStateException("no definition '" + t.bodyDefinition() + "' in swagger.json");
                    }
                    JsonNode body = bodyParameter(operation);
                    ((ObjectNode) body).putObject("schema").put("$ref", "#/definitions/" + t.bodyDefinition());
                }
                ((ObjectNode) spec.get("paths").get(located.path())).set(located.method(), operation);
                try {
                    return OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(spec))
                            .withLevelResolver(LevelResolver.create()
                                    .withDefaultLevel(ValidationReport.Level.ERROR)
                                    // the library ignores undocumented query parameters by default: list them (D10, D32)
                                    .withLevel(KnownDeviations.QUERY_UNEXPECTED, ValidationReport.Level.ERROR)
                                    .build())
                            .build();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        private Located located(Target target) {
            Located located = operations.get(target.operationId());
            if (located == null) {
                throw new IllegalStateException("no operation " + target.operationId() + " in swagger.json");
            }
            return located;
        }

        private static JsonNode bodyParameter(ObjectNode operation) {
            for (JsonNode parameter : operation.get("parameters")) {
                if ("body".equals(parameter.path("in").asText())) {
                    return parameter;
                }
            }
            throw new IllegalStateException("no body parameter in " + operation.get("operationId"));
        }

        List<Finding> validate(String caseId, Target target, RecordedRequest request) {
            List<Finding> findings = new ArrayList<>();
            Located located = located(target);
            if (!request.method().equalsIgnoreCase(located.method()) || !templatePattern(located.path())
                    .matcher(request.resourcePath()).matches()) {
                findings.add(new Finding(caseId, "conformance.request.operation.mismatch", "-", target.operationId(),
                        "expected " + located.method().toUpperCase() + " " + located.path() + " ("
                                + target.operationId() + ")",
                        request));
            }
            if (!request.path().endsWith("/v1" + request.resourcePath())) {
                findings.add(new Finding(caseId, "conformance.request.basePath.missing", "-", "/v1",
                        "every path is below /v1 (swagger basePath)", request));
            }
            SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), "/v1" + request.resourcePath());
            request.headers().forEach(builder::withHeader);
            request.query().forEach(builder::withQueryParam);
            if (request.body() != null && !request.body().isEmpty()) {
                builder.withBody(request.body());
            }
            ValidationReport report = validator(target).validateRequest(builder.build());
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR
                        || message.getLevel() == ValidationReport.Level.WARN) {
                    findings.addAll(findings(caseId, message, request));
                }
            }
            findings.addAll(multipartFindings(caseId, located.operation(), request));
            return findings;
        }

        /** One finding per property or parameter a message names. */
        private static List<Finding> findings(String caseId, ValidationReport.Message message,
                RecordedRequest request) {
            String key = message.getKey();
            String text = message.getMessage();
            String pointer = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("-")
                    .replaceAll("/\\d+(?=/|$)", "/*");
            List<String> fields = new ArrayList<>();
            if (key.startsWith("validation.request.parameter.")) {
                pointer = key.split("\\.")[3];
                Matcher name = PARAMETER_NAME.matcher(text);
                fields.add(name.find() ? name.group(1) : "?");
            } else if (key.endsWith(".required") || key.endsWith(".additionalProperties")) {
                Matcher list = PROPERTY_LIST.matcher(text);
                if (list.find()) {
                    try {
                        JSON.readTree("[" + list.group(1) + "]").forEach(n -> fields.add(n.asText()));
                    } catch (IOException e) {
                        fields.add(list.group(1));
                    }
                } else {
                    fields.add("?");
                }
            } else if (key.endsWith(".type")) {
                Matcher type = FOUND_TYPE.matcher(text);
                fields.add(type.find() ? type.group(1) : "?");
            } else {
                fields.add("");
            }
            String where = pointer;
            return fields.stream().map(f -> new Finding(caseId, key, where, f, text, request)).toList();
        }

        /**
         * The validator does not read multipart bodies ("Validation of 'multipart/form-data' not supported"): check the
         * form parts against swagger's formData parameters here — each required part present, no other part, and a
         * {@code type: file} part sent as a file with its own Content-Type (§8.1).
         */
        private static List<Finding> multipartFindings(String caseId, ObjectNode operation, RecordedRequest request) {
            List<Finding> findings = new ArrayList<>();
            Map<String, JsonNode> formData = new LinkedHashMap<>();
            for (JsonNode parameter : operation.get("parameters")) {
                if ("formData".equals(parameter.path("in").asText())) {
                    formData.put(parameter.get("name").asText(), parameter);
                }
            }
            if (formData.isEmpty()) {
                return findings;
            }
            String contentType = String.valueOf(request.header("Content-Type"));
            if (!contentType.startsWith("multipart/form-data")) {
                findings.add(new Finding(caseId, "conformance.request.formData.contentType", "-", contentType,
                        "formData parameters need a multipart/form-data body", request));
                return findings;
            }
            Map<String, MatchResult> parts = new LinkedHashMap<>();
            Matcher part = FORM_PART.matcher(request.body() == null ? "" : request.body());
            while (part.find()) {
                parts.put(part.group(1), part.toMatchResult());
                if (!formData.containsKey(part.group(1))) {
                    findings.add(
                            new Finding(caseId, "conformance.request.formData.unexpected", "formData", part.group(1),
                                    "part '" + part.group(1) + "' is not a formData parameter of " + formData.keySet(),
                                    request));
                }
            }
            formData.forEach((name, parameter) -> {
                MatchResult found = parts.get(name);
                if (found == null) {
                    if (parameter.path("required").asBoolean()) {
                        findings.add(new Finding(caseId, "conformance.request.formData.missing", "formData", name,
                                "required part '" + name + "' not found; parts: " + parts.keySet(), request));
                    }
                } else if ("file".equals(parameter.path("type").asText())
                        && (found.group(2) == null || found.group(3) == null)) {
                    findings.add(new Finding(caseId, "conformance.request.formData.notAFile", "formData", name,
                            "part '" + name + "' is a file: it needs a filename and its own Content-Type", request));
                }
            });
            return findings;
        }

        private static Pattern templatePattern(String template) {
            return Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}
