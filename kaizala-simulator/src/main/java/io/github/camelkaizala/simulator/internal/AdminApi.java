package io.github.camelkaizala.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.camelkaizala.simulator.Action;
import io.github.camelkaizala.simulator.Group;
import io.github.camelkaizala.simulator.Human;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.RecordedRequest;
import io.github.camelkaizala.simulator.Webhook;

/**
 * The operator's HTTP side door under {@code /admin}, for trying a route from any runtime (curl, JBang, Spring Boot):
 * play a member (post a text, post an action, answer one, join, leave), seed groups, read the state, the journal,
 * the events and the deliveries. Not journalled, no faults, no access token (the server listens on loopback only).
 * Secrets stay out: webhooks are shown without their callback token, journalled requests without their headers.
 * Refusals of the member's play answer 400 (invalid) or 409 (not allowed, not found), with the simulator's message.
 */
public final class AdminApi {

    public static final String PREFIX = "admin";

    /** The operations, as {@code GET /admin} lists them (and kaizala-simulator/README.md documents them). */
    public static final List<String> OPERATIONS = List.of(
            "GET    /admin                                         this list and the connection settings",
            "GET    /admin/state                                   groups (members, messages, actions, responses) and webhooks",
            "POST   /admin/groups                                  {name, members: [mobile], public: false} -> {groupId}",
            "POST   /admin/groups/{groupId}/join                   {mobile} -> {changed} (MemberAdded)",
            "POST   /admin/groups/{groupId}/leave                  {mobile} -> {changed} (MemberRemoved)",
            "POST   /admin/groups/{groupId}/messages               {from, text} -> {referenceId} (TextMessageCreated)",
            "POST   /admin/groups/{groupId}/actions                {from, actionType | id, actionBody} -> {actionId, referenceId}",
            "POST   /admin/groups/{groupId}/actions/{actionId}/responses  {from, answers: [...]} -> {responseId}",
            "GET    /admin/journal                                 the API requests received (no headers), oldest first",
            "DELETE /admin/journal                                 forgets them",
            "GET    /admin/events                                  every event that happened (delivered or not)",
            "GET    /admin/deliveries                              every delivery attempt to a webhook callback");

    @JsonIgnoreProperties({"callbackToken"})
    private interface WebhookView {
    }

    @JsonIgnoreProperties({"headers"})
    private interface RecordedRequestView {
    }

    private static final ObjectMapper VIEWS = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .addMixIn(Webhook.class, WebhookView.class)
            .addMixIn(RecordedRequest.class, RecordedRequestView.class)
            .build();

    private final KaizalaSimulator sim;

    public AdminApi(KaizalaSimulator sim) {
        this.sim = sim;
    }

    /** Whether the request is for this API ({@code /admin…}) rather than Kaizala's. */
    public static boolean isAdmin(Request request) {
        List<String> segments = segments(request);
        return !segments.isEmpty() && segments.get(0).equalsIgnoreCase(PREFIX);
    }

    /** The decoded segments of the whole path. */
    public static List<String> segments(Request request) {
        return Arrays.stream(request.path().split("/")).filter(s -> !s.isEmpty()).toList();
    }

    public void routes(Router r) {
        r.add("GET", "/admin", c -> ok(Json.obj("authUrl", sim.authUrl(), "endpointUrl", sim.endpointUrl(),
                "applicationId", KaizalaSimulator.DEFAULT_APPLICATION_ID, "user", KaizalaSimulator.DEFAULT_USER_MOBILE,
                "operations", OPERATIONS)));
        r.add("GET", "/admin/state",
                c -> ok(Json.obj("groups", sim.state().groups(), "webhooks", sim.state().webhooks())));
        r.add("POST", "/admin/groups", this::createGroup);
        r.add("POST", "/admin/groups/{groupId}/join", c -> ok(Json.obj("changed",
                play(() -> sim.human(mobile(c, "mobile")).join(c.param("groupId"))))));
        r.add("POST", "/admin/groups/{groupId}/leave", c -> ok(Json.obj("changed",
                play(() -> sim.human(mobile(c, "mobile")).leave(c.param("groupId"))))));
        r.add("POST", "/admin/groups/{groupId}/messages", c -> ok(Json.obj("referenceId",
                play(() -> sim.human(mobile(c, "from")).postText(c.param("groupId"),
                        Json.text(c.body(), "text", true))))));
        r.add("POST", "/admin/groups/{groupId}/actions", this::postAction);
        r.add("POST", "/admin/groups/{groupId}/actions/{actionId}/responses", this::respond);
        r.add("GET", "/admin/journal", c -> ok(Json.obj("requests", sim.journal().all())));
        r.add("DELETE", "/admin/journal", c -> {
            sim.journal().clear();
            return ok(Json.obj("result", true));
        });
        r.add("GET", "/admin/events", c -> ok(Json.obj("events", sim.webhooks().events())));
        r.add("GET", "/admin/deliveries", c -> ok(Json.obj("deliveries", sim.deliveries())));
    }

    private Response createGroup(Call c) {
        JsonNode body = c.body();
        String name = Json.text(body, "name", true);
        List<String> members = Json.mobileNumbers(body, "members");
        String[] mobiles = (members == null ? List.<String>of() : members).toArray(String[]::new);
        Group g = play(() -> Boolean.TRUE.equals(Json.bool(body, "public"))
                ? sim.state().createPublicGroup(name, mobiles) : sim.state().createGroup(name, mobiles));
        return ok(Json.obj("groupId", g.id(), "groupName", g.name()));
    }

    private Response postAction(Call c) {
        JsonNode body = c.body();
        Human from = sim.human(mobile(c, "from"));
        JsonNode actionBody = Json.field(body, "actionBody");
        if (actionBody == null) {
            throw Json.missing("actionBody");
        }
        String packageId = Json.text(body, "id", false);
        Action a = play(() -> packageId != null ? from.postCustomAction(c.param("groupId"), packageId, actionBody)
                : from.postAction(c.param("groupId"), Json.text(body, "actionType", true), actionBody));
        return ok(Json.obj("actionId", a.actionId(), "referenceId", a.referenceId()));
    }

    /** Answers by the action's kind: a survey or a custom action takes every answer, a poll or a meeting the first. */
    private Response respond(Call c) {
        JsonNode body = c.body();
        Human from = sim.human(mobile(c, "from"));
        String groupId = c.param("groupId");
        String actionId = c.param("actionId");
        List<Object> answers = new ArrayList<>();
        JsonNode given = Json.field(body, "answers");
        if (given != null && !given.isArray()) {
            throw Json.invalid("answers", "must be an array");
        }
        (given == null ? Json.MAPPER.createArrayNode() : given)
                .forEach(a -> answers.add(Json.MAPPER.convertValue(a, Object.class)));
        Action a = sim.state().action(actionId)
                .orElseThrow(() -> Refusal.notFound("ActionNotFound", "no action with id '" + actionId + "'"));
        String first = answers.isEmpty() || answers.get(0) == null ? null : answers.get(0).toString();
        String responseId = play(() -> switch (a.isCustom() ? "custom" : a.actionType().toLowerCase(Locale.ROOT)) {
            case "custom" -> from.respondToAction(groupId, actionId, answers.toArray());
            case "job" -> from.completeJob(groupId, actionId);
            case "poll" -> from.votePoll(groupId, actionId, first);
            case "letsmeet" -> from.answerLetsMeet(groupId, actionId, first);
            default -> from.answerSurvey(groupId, actionId, answers.toArray());
        });
        return ok(Json.obj("responseId", responseId));
    }

    private static String mobile(Call c, String field) {
        return Json.requireMobile(Json.text(c.body(), field, true), field);
    }

    /** Runs the member's play; its refusals become 400 (invalid input) or 409 (not allowed now). */
    private static <T> T play(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "Refused", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "Refused", e.getMessage());
        }
    }

    private static Response ok(Object body) {
        return Response.ok(VIEWS.valueToTree(body));
    }
}
