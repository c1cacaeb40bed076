package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.internal.operation.Call;
import org.apache.camel.component.kaizala.internal.operation.MediaSend;
import org.apache.camel.component.kaizala.internal.operation.MediaUpload;
import org.apache.camel.component.kaizala.internal.operation.OperationInput;
import org.apache.camel.component.kaizala.internal.operation.Pager;
import org.apache.camel.component.kaizala.internal.operation.Parameter;
import org.apache.camel.component.kaizala.internal.operation.Readers;
import org.apache.camel.component.kaizala.internal.operation.RequestBodies;
import org.apache.camel.component.kaizala.internal.operation.RequestTemplate;
import org.apache.camel.component.kaizala.internal.wire.ApiRequest;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.ActionDetailsResponse;
import org.apache.camel.component.kaizala.model.ActionsResponse;
import org.apache.camel.component.kaizala.model.CreateGroupResponse;
import org.apache.camel.component.kaizala.model.Group;
import org.apache.camel.component.kaizala.model.GroupsResponse;
import org.apache.camel.component.kaizala.model.MediaResponse;
import org.apache.camel.component.kaizala.model.MediaSentResponse;
import org.apache.camel.component.kaizala.model.MembersResponse;
import org.apache.camel.component.kaizala.model.Paged;
import org.apache.camel.component.kaizala.model.PinLoginResponse;
import org.apache.camel.component.kaizala.model.ReactionCreatedResponse;
import org.apache.camel.component.kaizala.model.ReactionDetailsResponse;
import org.apache.camel.component.kaizala.model.ReactionSummaryResponse;
import org.apache.camel.component.kaizala.model.ReferenceResponse;
import org.apache.camel.component.kaizala.model.ResponseCreatedResponse;
import org.apache.camel.component.kaizala.model.ResultResponse;
import org.apache.camel.component.kaizala.model.SubscribersResponse;
import org.apache.camel.component.kaizala.model.SubscribersResultResponse;
import org.apache.camel.component.kaizala.model.WebhookCreatedResponse;
import org.apache.camel.component.kaizala.model.WebhooksResponse;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * Every operation of the {@code kaizala:} producer, one entry each (reference §16): its URI name, HTTP method, path
 * below {@code {endpointUrl}/v1} (or the token service), query parameters, how the request body is made from the
 * exchange (with its validation), and how the answer is read.
 */
public enum KaizalaOperation {

    AUTH_GENERATE_PIN(op("auth", "generatePin").post("/generatePin").tokenService()
            .body(RequestBodies::generatePin).raw()),
    AUTH_REFRESH_TOKEN(op("auth", "refreshToken").post("/loginWithPinAndApplicationId").tokenService()
            .body(RequestBodies::pinLogin).answer(PinLoginResponse.class)),
    AUTH_ACCESS_TOKEN(op("auth", "accessToken").get("/accessToken").tokenService()
            .steps(Steps.FETCH_ACCESS_TOKEN)
            .answer(AccessTokenResponse.class)),

    GROUPS_CREATE(op("groups", "create").post("/groups").body(RequestBodies::createGroup)
            .answer(CreateGroupResponse.class)),
    GROUPS_LIST(op("groups", "list").get("/groups").query(Parameter.SHOW_DETAIL).query(Parameter.FETCH_ALL_GROUPS)
            .answer(GroupsResponse.class)),
    GROUPS_GET(op("groups", "get").get("/groups/{groupId}")
            .header("applicationId", input -> input.options().applicationId())
            .unwrapGroups(Group.class)),

    SUBGROUPS_LIST(op("subgroups", "list").get("/groups/{groupId}/subGroups").query(Parameter.FETCH_ALL_GROUPS)
            .unwrapGroups(Group.class)),
    SUBGROUPS_CREATE(op("subgroups", "create").post("/groups/{groupId}/subgroups").body(RequestBodies::createSubGroup)
            .answer(CreateGroupResponse.class)),
    SUBGROUPS_ADD(op("subgroups", "add").put("/groups/{groupId}/subGroups")
            .body(RequestBodies::addSubGroups).raw()),
    SUBGROUPS_REMOVE(op("subgroups", "remove")
            .delete("/groups/{groupId}/subGroups/{subGroupId}").raw()),

    MEMBERS_LIST(op("members", "list").get("/groups/{groupId}/members").answer(MembersResponse.class)),
    MEMBERS_ADD(op("members", "add").put("/groups/{groupId}/members").body(RequestBodies::addMembers)
            .answer(ResultResponse.class)),
    MEMBERS_REMOVE(op("members", "remove").delete("/groups/{groupId}/members/{memberId}")
            .answer(ResultResponse.class)),
    MEMBERS_UPDATE_ROLE(op("members", "updateRole").put("/groups/{groupId}/members/{memberId}")
            .body(RequestBodies::updateRole).raw()),

    SUBSCRIBERS_LIST(op("subscribers", "list").post("/groups/{groupId}/subscribers")
            .body(RequestBodies::subscribersPage)
            .paged(SubscribersResponse.class, Parameter.CURSOR)),
    SUBSCRIBERS_ADD(op("subscribers", "add").put("/groups/{groupId}/subscribers/add").body(RequestBodies::subscribers)
            .answer(SubscribersResultResponse.class)),
    SUBSCRIBERS_REMOVE(op("subscribers", "remove").put("/groups/{groupId}/subscribers/remove")
            .body(RequestBodies::subscribers).answer(SubscribersResultResponse.class)),

    MESSAGES_SEND(op("messages", "send").isDefault().post("/groups/{groupId}/messages").body(RequestBodies::sendMessage)
            .answer(ReferenceResponse.class)),

    MEDIA_UPLOAD(op("media", "upload").isDefault().post("/media").upload().answer(MediaResponse.class)),
    MEDIA_SEND(op("media", "send").post("/groups/{groupId}/actions").steps(Steps.UPLOAD_THEN_ATTACH)
            .answer(MediaSentResponse.class)),

    ACTIONS_LIST(op("actions", "list").get("/groups/{groupId}/actions").requiredQuery(Parameter.ACTION_TYPE)
            .query(Parameter.FROM_DATE).query(Parameter.COUNT)
            .paged(ActionsResponse.class, Parameter.FROM_DATE)),
    ACTIONS_GET(op("actions", "get").get("/groups/{groupId}/actions/{actionId}").query(Parameter.GET_DETAILS)
            .answer(ActionDetailsResponse.class)),
    ACTIONS_SURVEY(op("actions", "survey").post("/groups/{groupId}/actions")
            .body(RequestBodies::survey)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_JOB(op("actions", "job").post("/groups/{groupId}/actions")
            .body(RequestBodies::job)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_POLL(op("actions", "poll")
            .post("/groups/{groupId}/actions")
            .body(RequestBodies::poll)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_LETS_MEET(op("actions", "letsMeet").post(
            "/groups/{groupId}/actions")
            .body(RequestBodies::letsMeet)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_ANNOUNCEMENT(op("actions",
            "announcement")
            .post("/groups/{groupId}/actions")
            .body(RequestBodies::announcement)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_CUSTOM(op("actions",
            "custom")
            .post("/groups/{groupId}/actions")
            .body(RequestBodies::customAction)
            .answer(ActionCreatedResponse.class)),

    RESPONSES_SURVEY(op("responses", "survey").post("/groups/{groupId}/actions/{actionId}/responses")
            .body(RequestBodies::surveyResponse).answer(ResponseCreatedResponse.class)),
    RESPONSES_JOB(op("responses", "job").post("/groups/{groupId}/actions/{actionId}/responses")
            .body(RequestBodies::jobResponse).answer(ResponseCreatedResponse.class)),
    RESPONSES_CUSTOM(op("responses", "custom").post("/groups/{groupId}/actions/{actionId}/responses")
            .body(RequestBodies::customResponse).answer(ResponseCreatedResponse.class)),

    REACTIONS_ADD(op("reactions", "add").post("/groups/{groupId}/reaction").body(RequestBodies::reaction)
            .answer(ReactionCreatedResponse.class)),
    REACTIONS_SUMMARY(op("reactions", "summary").get("/groups/{groupId}/reaction/{referenceId}/summary")
            .requiredQuery(Parameter.SOURCE_GROUP_ID)
            .answer(ReactionSummaryResponse.class)),
    REACTIONS_GROUP_SUMMARY(op("reactions", "groupSummary").get("/groups/{groupId}/reaction/summary")
            .requiredQuery(Parameter.SOURCE_GROUP_ID).query(Parameter.CURSOR, "0")
            .paged(ReactionSummaryResponse.class, Parameter.CURSOR)),
    REACTIONS_DETAILS(op("reactions", "details")
            .get("/groups/{groupId}/reaction/{referenceId}")
            .requiredQuery(Parameter.SOURCE_GROUP_ID)
            .requiredQuery(Parameter.REACTION_TYPE)
            .query(Parameter.CURSOR, "0")
            .paged(ReactionDetailsResponse.class, Parameter.CURSOR)),

    WEBHOOKS_SUBSCRIBE(op("webhooks", "subscribe").post("/webhook").body(RequestBodies::subscribeWebhook)
            .answer(WebhookCreatedResponse.class)),
    WEBHOOKS_LIST(op("webhooks", "list").get("/webhook").requiredQuery(Parameter.OBJECT_ID)
            .query(Parameter.OBJECT_TYPE, "Group").answer(WebhooksResponse.class)),
    WEBHOOKS_UPDATE(op("webhooks", "update").put("/webhook/{webhookId}")
            .body(RequestBodies::updateWebhook).raw()),
    WEBHOOKS_DELETE(op("webhooks", "delete").delete("/webhook/{webhookId}").raw());

    private final String resource;
    private final String operation;
    private final boolean resourceDefault;
    private final RequestTemplate template;
    private final Function<OperationInput, Supplier<AsyncEntityProducer>> body;
    private final Class<?> answerType;
    private final Function<byte[], Object> reader;
    private final Pager<?, ?> pager;
    private final Steps steps;

    KaizalaOperation(Spec spec) {
        this.resource = spec.resource;
        this.operation = spec.operation;
        this.resourceDefault = spec.resourceDefault;
        String id = spec.resource + "/" + spec.operation;
        this.template = new RequestTemplate(id, spec.method, spec.tokenService, spec.path, spec.queries, spec.headers);
        this.body = spec.body;
        this.answerType = spec.answerType;
        this.reader = switch (spec.reading) {
            case MODEL -> Readers.as(spec.answerType, id);
            case RAW -> Readers.raw(id);
            case UNWRAP_GROUPS -> Readers.unwrapGroups(spec.answerType, id);
        };
        this.pager = spec.pager;
        this.steps = spec.steps;
    }

    /** The name used in URIs and in the {@code CamelKaizalaOperation} header, e.g. {@code messages/send}. */
    public String id() {
        return resource + "/" + operation;
    }

    public String resource() {
        return resource;
    }

    public String operation() {
        return operation;
    }

    /** The type the answer is read as ({@code Map} for the answers the reference does not document). */
    public Class<?> answerType() {
        return answerType;
    }

    /** The HTTP method of its (last) request. */
    public String method() {
        return template.method();
    }

    /** Its path below the base, with {@code {name}} placeholders. */
    public String pathTemplate() {
        return template.path();
    }

    /** The query parameters it sends, by name. */
    public List<String> queryParameters() {
        return template.queryNames();
    }

    /** Whether it goes to the token service ({@code authUrl}) rather than the resource API. */
    public boolean isTokenService() {
        return template.tokenService();
    }

    /** Whether the operation needs the connector's full credentials (all but the PIN flow do). */
    public boolean requiresCredentials() {
        return !template.tokenService() || steps == Steps.FETCH_ACCESS_TOKEN;
    }

    /** Whether {@code allPages} applies. */
    public boolean isPaged() {
        return pager != null;
    }

    /**
     * Reads the exchange and prepares the call, checking every input first: a {@link KaizalaValidationException}
     * here means nothing was sent.
     */
    Call prepare(OperationInput input) {
        return switch (steps) {
            case REQUEST -> pager != null && Boolean.TRUE.equals(input.bool(Parameter.ALL_PAGES))
                    ? pager.all(input, this::request) : request(input);
            case FETCH_ACCESS_TOKEN -> client -> client.fetchAccessToken().thenApply(Object.class::cast);
            case UPLOAD_THEN_ATTACH -> MediaSend.prepare(MEDIA_UPLOAD.template, template, input,
                    input.options().mediaFieldName());
        };
    }

    /** The operation named {@code id} prepared for {@code input}: the table as the internals see it. */
    static Call prepare(String id, OperationInput input) {
        return fromId(id).prepare(input);
    }

    /** The row's one request, its answer read as the row says. */
    private Call request(OperationInput input) {
        return Call.single(template.build(input, body == null ? null : body.apply(input)), reader);
    }

    /**
     * The operation named by a URI path or header: {@code resource/operation}, or just {@code resource} where the
     * resource has an obvious operation.
     */
    public static KaizalaOperation fromId(String id) {
        String value = id == null ? "" : id.trim();
        while (value.startsWith("/")) {
            value = value.substring(1);
        }
        int slash = value.indexOf('/');
        String resource = slash < 0 ? value : value.substring(0, slash);
        String operation = slash < 0 ? "" : value.substring(slash + 1);
        for (KaizalaOperation candidate : values()) {
            if (candidate.resource.equals(resource)
                    && (candidate.operation.equals(operation) || operation.isEmpty() && candidate.resourceDefault)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown Kaizala operation '" + id + "'" + suggestion(value)
                + ". Valid operations: " + validIds());
    }

    /** "did you mean …" for a misspelt id: the closest ids (a few edits away), or the ids ending with a bare operation. */
    private static String suggestion(String given) {
        List<String> close = new ArrayList<>();
        int best = Math.max(2, given.length() / 4) + 1;
        for (KaizalaOperation candidate : values()) {
            String id = candidate.id();
            int distance = given.indexOf('/') < 0 && id.endsWith("/" + given) ? 0
                    : distance(given.toLowerCase(), id.toLowerCase());
            if (distance < best) {
                best = distance;
                close.clear();
            }
            if (distance == best) {
                close.add(id);
            }
        }
        return close.isEmpty() ? "" : " — did you mean " + String.join(" or ", close) + "?";
    }

    /** Levenshtein distance: the fewest one-character edits that turn {@code a} into {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Every valid {@code resource/operation}. */
    public static String validIds() {
        return Arrays.stream(values()).map(KaizalaOperation::id).collect(Collectors.joining(", "));
    }

    private static Spec op(String resource, String operation) {
        return new Spec(resource, operation);
    }

    /**
     * What running an operation takes: its row's one request (most), or named code for the two that are more — the
     * token service's own access-token fetch, and media/send's upload followed by the attachment post ({@link MediaSend}).
     */
    private enum Steps {
        REQUEST,
        FETCH_ACCESS_TOKEN,
        UPLOAD_THEN_ATTACH
    }

    private enum Reading {
        MODEL,
        RAW,
        UNWRAP_GROUPS
    }

    /** Describes one entry of the table; read top to bottom, it says what goes on the wire. */
    private static final class Spec {

        private final String resource;
        private final String operation;
        private boolean resourceDefault;
        private String method = "GET";
        private boolean tokenService;
        private String path;
        private final List<RequestTemplate.Query> queries = new ArrayList<>();
        private final Map<String, Function<OperationInput, String>> headers = new LinkedHashMap<>();
        private Function<OperationInput, Supplier<AsyncEntityProducer>> body;
        private Class<?> answerType = Map.class;
        private Reading reading = Reading.RAW;
        private Pager<?, ?> pager;
        private Steps steps = Steps.REQUEST;

        Spec(String resource, String operation) {
            this.resource = resource;
            this.operation = operation;
        }

        Spec isDefault() {
            resourceDefault = true;
            return this;
        }

        Spec get(String path) {
            return at("GET", path);
        }

        Spec post(String path) {
            return at("POST", path);
        }

        Spec put(String path) {
            return at("PUT", path);
        }

        Spec delete(String path) {
            return at("DELETE", path);
        }

        private Spec at(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        Spec tokenService() {
            tokenService = true;
            return this;
        }

        Spec query(Parameter parameter) {
            return query(parameter, null);
        }

        Spec query(Parameter parameter, String defaultValue) {
            queries.add(new RequestTemplate.Query(parameter, false, defaultValue));
            return this;
        }

        Spec requiredQuery(Parameter parameter) {
            queries.add(new RequestTemplate.Query(parameter, true, null));
            return this;
        }

        Spec header(String name, Function<OperationInput, String> value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: the model {@code body} makes (and checks) from the exchange. */
        Spec body(Function<OperationInput, ?> body) {
            this.body = input -> ApiRequest.json(KaizalaJson.write(body.apply(input)));
            return this;
        }

        /** A multipart body: the file to upload (reference §8.1). */
        Spec upload() {
            this.body = MediaUpload::entity;
            return this;
        }

        Spec steps(Steps steps) {
            this.steps = steps;
            return this;
        }

        Spec answer(Class<?> type) {
            answerType = type;
            reading = Reading.MODEL;
            return this;
        }

        Spec raw() {
            answerType = Map.class;
            reading = Reading.RAW;
            return this;
        }

        Spec unwrapGroups(Class<?> type) {
            answerType = type;
            reading = Reading.UNWRAP_GROUPS;
            return this;
        }

        /** A paged listing answering {@code type}; {@code allPages} passes each page's next cursor as {@code cursor}. */
        <T, P extends Paged<T, P>> Spec paged(Class<P> type, Parameter cursor) {
            answer(type);
            pager = new Pager<>(type, cursor);
            return this;
        }
    }
}
