package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.component.kaizala.internal.ApiRequest;
import org.apache.camel.component.kaizala.internal.Call;
import org.apache.camel.component.kaizala.internal.KaizalaJson;
import org.apache.camel.component.kaizala.internal.MediaUpload;
import org.apache.camel.component.kaizala.internal.OperationInput;
import org.apache.camel.component.kaizala.internal.Parameter;
import org.apache.camel.component.kaizala.internal.PathTemplate;
import org.apache.camel.component.kaizala.internal.Readers;
import org.apache.camel.component.kaizala.internal.RequestBodies;
import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.camel.component.kaizala.model.ActionCreatedResponse;
import org.apache.camel.component.kaizala.model.ActionDetailsResponse;
import org.apache.camel.component.kaizala.model.ActionsResponse;
import org.apache.camel.component.kaizala.model.CreateGroupResponse;
import org.apache.camel.component.kaizala.model.Group;
import org.apache.camel.component.kaizala.model.GroupsResponse;
import org.apache.camel.component.kaizala.model.MediaAttachment;
import org.apache.camel.component.kaizala.model.MediaResponse;
import org.apache.camel.component.kaizala.model.MediaSentResponse;
import org.apache.camel.component.kaizala.model.MembersResponse;
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
    AUTH_ACCESS_TOKEN(op("auth", "accessToken").custom((operation, input) -> client -> client.fetchAccessToken()
            .thenApply(answer -> (Object) answer)).answer(AccessTokenResponse.class)),

    GROUPS_CREATE(op("groups", "create").post("/groups").body(RequestBodies::createGroup).answer(CreateGroupResponse.class)),
    GROUPS_LIST(op("groups", "list").get("/groups").query(Parameter.SHOW_DETAIL).query(Parameter.FETCH_ALL_GROUPS)
            .answer(GroupsResponse.class)),
    GROUPS_GET(op("groups", "get").get("/groups/{groupId}")
            .header("applicationId", input -> input.configuration().getApplicationId())
            .unwrapGroups(Group.class)),

    SUBGROUPS_LIST(op("subgroups", "list").get("/groups/{groupId}/subGroups").query(Parameter.FETCH_ALL_GROUPS)
            .unwrapGroups(Group.class)),
    SUBGROUPS_CREATE(op("subgroups", "create").post("/groups/{groupId}/subgroups").body(RequestBodies::createSubGroup)
            .answer(CreateGroupResponse.class)),
    SUBGROUPS_ADD(op("subgroups", "add").put("/groups/{groupId}/subGroups").body(RequestBodies::addSubGroups).raw()),
    SUBGROUPS_REMOVE(op("subgroups", "remove").delete("/groups/{groupId}/subGroups/{subGroupId}").raw()),

    MEMBERS_LIST(op("members", "list").get("/groups/{groupId}/members").answer(MembersResponse.class)),
    MEMBERS_ADD(op("members", "add").put("/groups/{groupId}/members").body(RequestBodies::addMembers)
            .answer(ResultResponse.class)),
    MEMBERS_REMOVE(op("members", "remove").delete("/groups/{groupId}/members/{memberId}").answer(ResultResponse.class)),
    MEMBERS_UPDATE_ROLE(op("members", "updateRole").put("/groups/{groupId}/members/{memberId}")
            .body(RequestBodies::updateRole).raw()),

    SUBSCRIBERS_LIST(op("subscribers", "list").post("/groups/{groupId}/subscribers").body(RequestBodies::subscribersPage)
            .answer(SubscribersResponse.class)
            .paged(Parameter.CURSOR, page -> ((SubscribersResponse) page).cursor(),
                    pages -> new SubscribersResponse(concat(pages, p -> ((SubscribersResponse) p).subscribers()), null))),
    SUBSCRIBERS_ADD(op("subscribers", "add").put("/groups/{groupId}/subscribers/add").body(RequestBodies::subscribers)
            .answer(SubscribersResultResponse.class)),
    SUBSCRIBERS_REMOVE(op("subscribers", "remove").put("/groups/{groupId}/subscribers/remove")
            .body(RequestBodies::subscribers).answer(SubscribersResultResponse.class)),

    MESSAGES_SEND(op("messages", "send").isDefault().post("/groups/{groupId}/messages").body(RequestBodies::sendMessage)
            .answer(ReferenceResponse.class)),

    MEDIA_UPLOAD(op("media", "upload").isDefault().post("/media").custom((operation, input) -> Call.single(
            MediaUpload.from(input).request(input.configuration().getMediaFieldName()), operation.reader))
            .answer(MediaResponse.class)),
    MEDIA_SEND(op("media", "send").post("/groups/{groupId}/actions").custom(KaizalaOperation::mediaSend)
            .answer(MediaSentResponse.class)),

    ACTIONS_LIST(op("actions", "list").get("/groups/{groupId}/actions").requiredQuery(Parameter.ACTION_TYPE)
            .query(Parameter.FROM_DATE).query(Parameter.COUNT).answer(ActionsResponse.class)
            .paged(Parameter.FROM_DATE, page -> Boolean.TRUE.equals(((ActionsResponse) page).hasMore())
                    ? ((ActionsResponse) page).nextFromDate() : null,
                    pages -> new ActionsResponse(concat(pages, p -> ((ActionsResponse) p).actions()), false))),
    ACTIONS_GET(op("actions", "get").get("/groups/{groupId}/actions/{actionId}").query(Parameter.GET_DETAILS)
            .answer(ActionDetailsResponse.class)),
    ACTIONS_SURVEY(op("actions", "survey").post("/groups/{groupId}/actions").body(RequestBodies::survey)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_JOB(op("actions", "job").post("/groups/{groupId}/actions").body(RequestBodies::job)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_POLL(op("actions", "poll").post("/groups/{groupId}/actions").body(RequestBodies::poll)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_LETS_MEET(op("actions", "letsMeet").post("/groups/{groupId}/actions").body(RequestBodies::letsMeet)
            .answer(ActionCreatedResponse.class)),
    ACTIONS_ANNOUNCEMENT(op("actions", "announcement").post("/groups/{groupId}/actions")
            .body(RequestBodies::announcement).answer(ActionCreatedResponse.class)),
    ACTIONS_CUSTOM(op("actions", "custom").post("/groups/{groupId}/actions").body(RequestBodies::customAction)
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
            .requiredQuery(Parameter.SOURCE_GROUP_ID).answer(ReactionSummaryResponse.class)),
    REACTIONS_GROUP_SUMMARY(op("reactions", "groupSummary").get("/groups/{groupId}/reaction/summary")
            .requiredQuery(Parameter.SOURCE_GROUP_ID).query(Parameter.CURSOR, "0").answer(ReactionSummaryResponse.class)
            .paged(Parameter.CURSOR, page -> cursorOf(((ReactionSummaryResponse) page).cursor(),
                    ((ReactionSummaryResponse) page).summary()),
                    pages -> new ReactionSummaryResponse(concat(pages, p -> ((ReactionSummaryResponse) p).summary()), null))),
    REACTIONS_DETAILS(op("reactions", "details").get("/groups/{groupId}/reaction/{referenceId}")
            .requiredQuery(Parameter.SOURCE_GROUP_ID).requiredQuery(Parameter.REACTION_TYPE).query(Parameter.CURSOR, "0")
            .answer(ReactionDetailsResponse.class)
            .paged(Parameter.CURSOR, page -> cursorOf(((ReactionDetailsResponse) page).cursor(),
                    ((ReactionDetailsResponse) page).reactionDetails()),
                    pages -> new ReactionDetailsResponse(
                            concat(pages, p -> ((ReactionDetailsResponse) p).reactionDetails()), null))),

    WEBHOOKS_SUBSCRIBE(op("webhooks", "subscribe").post("/webhook").body(RequestBodies::subscribeWebhook)
            .answer(WebhookCreatedResponse.class)),
    WEBHOOKS_LIST(op("webhooks", "list").get("/webhook").requiredQuery(Parameter.OBJECT_ID)
            .query(Parameter.OBJECT_TYPE, "Group").answer(WebhooksResponse.class)),
    WEBHOOKS_UPDATE(op("webhooks", "update").put("/webhook/{webhookId}").body(RequestBodies::updateWebhook).raw()),
    WEBHOOKS_DELETE(op("webhooks", "delete").delete("/webhook/{webhookId}").raw());

    private final String resource;
    private final String operation;
    private final boolean resourceDefault;
    private final String method;
    private final boolean tokenService;
    private final PathTemplate path;
    private final String pathTemplateText;
    private final List<Query> queries;
    private final Map<String, Function<OperationInput, String>> headers;
    private final Function<OperationInput, Object> body;
    private final Class<?> answerType;
    private final Function<byte[], Object> reader;
    private final Pager pager;
    private final BiFunction<KaizalaOperation, OperationInput, Call> custom;

    KaizalaOperation(Spec spec) {
        this.resource = spec.resource;
        this.operation = spec.operation;
        this.resourceDefault = spec.resourceDefault;
        this.method = spec.method;
        this.tokenService = spec.tokenService;
        this.path = spec.path == null ? null : new PathTemplate(spec.path);
        this.pathTemplateText = spec.path;
        this.queries = List.copyOf(spec.queries);
        this.headers = Map.copyOf(spec.headers);
        this.body = spec.body;
        this.answerType = spec.answerType;
        String id = spec.resource + "/" + spec.operation;
        this.reader = switch (spec.reading) {
            case MODEL -> Readers.as(spec.answerType, id);
            case RAW -> Readers.raw(id);
            case UNWRAP_GROUPS -> Readers.unwrapGroups(spec.answerType, id);
        };
        this.pager = spec.pager;
        this.custom = spec.custom;
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
        return method;
    }

    /** Its path below the base, with {@code {name}} placeholders; null for auth/accessToken. */
    public String pathTemplate() {
        return pathTemplateText;
    }

    /** The query parameters it sends, by name. */
    public List<String> queryParameters() {
        return queries.stream().map(q -> q.parameter.parameterName()).toList();
    }

    /** Whether it goes to the token service ({@code authUrl}) rather than the resource API. */
    public boolean isTokenService() {
        return tokenService;
    }

    /** Whether the operation needs the connector's full credentials (all but the PIN flow do). */
    public boolean requiresCredentials() {
        return !tokenService;
    }

    /** Whether {@code allPages} applies. */
    public boolean isPaged() {
        return pager != null;
    }

    /**
     * Reads the exchange and prepares the call, checking every input first: a {@link KaizalaValidationException}
     * here means nothing was sent.
     */
    public Call prepare(OperationInput input) {
        if (custom != null) {
            return custom.apply(this, input);
        }
        Call first = Call.single(request(input), reader);
        if (pager == null || !Boolean.TRUE.equals(input.bool(Parameter.ALL_PAGES))) {
            return first;
        }
        return Call.allPages(cursor -> cursor == null ? first : Call.single(request(input.with(pager.cursor, cursor)), reader),
                pager.next, pager.merge);
    }

    ApiRequest request(OperationInput input) {
        String expanded = path.expand(input);
        Map<String, String> query = new LinkedHashMap<>();
        for (Query q : queries) {
            String value = q.required ? input.required(q.parameter) : input.string(q.parameter);
            if (value == null) {
                value = q.defaultValue;
            }
            if (value != null) {
                query.put(q.parameter.parameterName(), value);
            }
        }
        Map<String, String> extraHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String v = value.apply(input);
            if (v != null) {
                extraHeaders.put(name, v);
            }
        });
        Object model = body == null ? null : body.apply(input);
        return new ApiRequest(id(), method, tokenService, expanded, query, extraHeaders,
                model == null ? null : ApiRequest.json(KaizalaJson.write(model)));
    }

    /** media/send: posts a mediaResource as an attachment, uploading the body first when it is a file. */
    private static Call mediaSend(KaizalaOperation operation, OperationInput input) {
        Object body = input.body();
        String given = input.string(Parameter.MEDIA_RESOURCE);
        if (body instanceof MediaAttachment || body instanceof Map || body instanceof String text && text.trim().startsWith("{")) {
            MediaAttachment attachment = RequestBodies.givenAttachment(input);
            OperationInput captioned = attachment.getCaption() == null ? input : input.with(Parameter.CAPTION, attachment.getCaption());
            return attach(operation, captioned, attachment.getMediaResource(), null);
        }
        if (body instanceof String text && !text.isBlank() || body == null && given != null) {
            return attach(operation, input, body == null ? given : ((String) body).trim(), null);
        }
        MediaUpload upload = MediaUpload.from(input);
        operation.request(input.with(Parameter.MEDIA_RESOURCE, "validated before the upload"));
        RequestBodies.mediaAttachment(input, "validated before the upload", upload.actionType());
        ApiRequest uploadRequest = upload.request(input.configuration().getMediaFieldName());
        Function<byte[], Object> uploaded = Readers.as(MediaResponse.class, MEDIA_UPLOAD.id());
        return client -> client.call(uploadRequest)
                .thenCompose(response -> {
                    String mediaResource = ((MediaResponse) uploaded.apply(response.getBodyBytes())).mediaResource();
                    return attach(operation, input, mediaResource, upload.actionType()).execute(client);
                });
    }

    private static Call attach(KaizalaOperation operation, OperationInput input, String mediaResource, String uploadedType) {
        ApiRequest template = operation.request(input.with(Parameter.MEDIA_RESOURCE, mediaResource));
        ApiRequest request = new ApiRequest(template.operation(), template.method(), false, template.path(), Map.of(),
                Map.of(), ApiRequest.json(KaizalaJson.write(RequestBodies.mediaAttachment(input, mediaResource, uploadedType))));
        Function<byte[], Object> posted = Readers.as(ActionCreatedResponse.class, operation.id());
        return client -> client.call(request).thenApply(response -> {
            ActionCreatedResponse created = (ActionCreatedResponse) posted.apply(response.getBodyBytes());
            return new MediaSentResponse(created.referenceId(), mediaResource);
        });
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
        throw new IllegalArgumentException("Unknown Kaizala operation '" + id + "'. Valid operations: " + validIds());
    }

    /** Every valid {@code resource/operation}. */
    public static String validIds() {
        return Arrays.stream(values()).map(KaizalaOperation::id).collect(Collectors.joining(", "));
    }

    private static <T> List<T> concat(List<Object> pages, Function<Object, List<T>> items) {
        List<T> all = new ArrayList<>();
        for (Object page : pages) {
            List<T> some = items.apply(page);
            if (some != null) {
                all.addAll(some);
            }
        }
        return all;
    }

    /** A reaction listing goes on while a page brings items and a cursor. */
    private static String cursorOf(String cursor, List<?> items) {
        return cursor == null || cursor.isEmpty() || items == null || items.isEmpty() ? null : cursor;
    }

    private static Spec op(String resource, String operation) {
        return new Spec(resource, operation);
    }

    private record Query(Parameter parameter, boolean required, String defaultValue) {
    }

    private record Pager(Parameter cursor, Function<Object, String> next, Function<List<Object>, Object> merge) {
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
        private final List<Query> queries = new ArrayList<>();
        private final Map<String, Function<OperationInput, String>> headers = new LinkedHashMap<>();
        private Function<OperationInput, Object> body;
        private Class<?> answerType = Map.class;
        private Reading reading = Reading.RAW;
        private Pager pager;
        private BiFunction<KaizalaOperation, OperationInput, Call> custom;

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
            queries.add(new Query(parameter, false, defaultValue));
            return this;
        }

        Spec requiredQuery(Parameter parameter) {
            queries.add(new Query(parameter, true, null));
            return this;
        }

        Spec header(String name, Function<OperationInput, String> value) {
            headers.put(name, value);
            return this;
        }

        Spec body(Function<OperationInput, ?> body) {
            this.body = body::apply;
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

        Spec paged(Parameter cursor, Function<Object, String> next, Function<List<Object>, Object> merge) {
            pager = new Pager(cursor, next, merge);
            return this;
        }

        Spec custom(BiFunction<KaizalaOperation, OperationInput, Call> custom) {
            this.custom = custom;
            return this;
        }
    }
}
