package io.github.camelkaizala.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkaizala.simulator.internal.ActionsHandler;
import io.github.camelkaizala.simulator.internal.EventData;
import io.github.camelkaizala.simulator.internal.Json;
import io.github.camelkaizala.simulator.internal.MediaHandler;
import io.github.camelkaizala.simulator.internal.MessagesHandler;
import io.github.camelkaizala.simulator.internal.Refusal;
import io.github.camelkaizala.simulator.internal.ResponsesHandler;
import io.github.camelkaizala.simulator.internal.Store;

/**
 * A person with a phone number, acting in groups as a Kaizala app user would — without HTTP, through the same
 * state and event machinery as the REST calls, so webhooks receive the events ({@code sim.human("+15550100101")}).
 * The same number always has the same user id and name ({@code Store.displayName}).
 *
 * <p>Posting and responding need membership (seeded, added, or {@link #join}); managing members and sub-groups
 * needs an Admin of the group, as over REST. Refusals are thrown: IllegalArgumentException for what REST
 * answers 400 (bad answers, unknown media type…), IllegalStateException for 403/404 (not a member, unknown
 * group or action); the message carries the status and error code.
 */
public final class Human {

    private final Store state;
    private final String mobile;
    private final ActionsHandler actions;

    Human(Store state, String mobile) {
        if (!Json.isMobile(mobile)) {
            throw new IllegalArgumentException("not a phone number (+ and 6 to 15 digits): " + mobile);
        }
        this.state = state;
        this.mobile = mobile;
        this.actions = new ActionsHandler(state);
    }

    public String mobile() {
        return mobile;
    }

    /** The user id: {@code fromUserId} of the events, the member id of {@code DELETE …/members/{memberId}}. */
    public String userId() {
        return state.userIdOf(mobile);
    }

    /** The display name: {@code fromUserName}, {@code memberName}, {@code responderName}. */
    public String name() {
        return Store.displayName(mobile);
    }

    // ---------------------------------------------------------------- membership

    /** Joins as a Member (MemberAdded, from this user); false, and no event, when already a member. */
    public boolean join(String groupId) {
        return call(() -> state.join(groupId, mobile));
    }

    /** Leaves the group (MemberRemoved, from this user); false, and no event, when not a member. */
    public boolean leave(String groupId) {
        return call(() -> state.leave(groupId, mobile));
    }

    /** As Admin: adds members (MemberAdded each, from this user), as {@code PUT …/members}. */
    public void addMembers(String groupId, String... mobiles) {
        call(() -> {
            state.addMembers(groupId, mobile, List.of(mobiles));
            return null;
        });
    }

    /** As Admin: removes a member by phone number (MemberRemoved, from this user), as {@code DELETE …/members/{id}}. */
    public void removeMember(String groupId, String memberMobile) {
        call(() -> {
            state.removeMember(groupId, mobile, state.memberId(groupId, memberMobile));
            return null;
        });
    }

    /** As Admin of the parent: links an existing group below it (GroupAdded on the parent), as {@code PUT …/subGroups}. */
    public void linkSubGroup(String parentGroupId, String subGroupId) {
        call(() -> {
            state.linkSubGroups(parentGroupId, mobile, List.of(subGroupId));
            return null;
        });
    }

    /** As Admin of the parent: unlinks a direct sub-group (GroupRemoved on the parent). */
    public void unlinkSubGroup(String parentGroupId, String subGroupId) {
        call(() -> {
            state.unlinkSubGroup(parentGroupId, mobile, subGroupId);
            return null;
        });
    }

    // ---------------------------------------------------------------- posting

    /** Posts a text message (TextMessageCreated); returns its {@code referenceId}. */
    public String postText(String groupId, String text) {
        if (text == null || text.isEmpty() || text.length() > MessagesHandler.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException(
                    "a message has 1 to " + MessagesHandler.MAX_MESSAGE_LENGTH + " characters");
        }
        return call(() -> state.addMessage(groupId, mobile, text, List.of(), false).referenceId());
    }

    /**
     * Uploads a small file of that name and MIME type (one of §8, e.g. {@code image/jpeg}, {@code application/pdf})
     * and posts it with the caption (AttachmentCreated, {@code actionType} from the MIME type); returns the
     * {@code referenceId}. The caption may be null.
     */
    public String postAttachment(String groupId, String fileName, String contentType, String caption) {
        String actionType = MediaHandler.TYPES.get(contentType);
        if (actionType == null) {
            throw new IllegalArgumentException("not a supported media type: " + contentType + "; one of "
                    + MediaHandler.TYPES.keySet().stream().sorted().toList());
        }
        return call(() -> {
            state.access(groupId, mobile, false);
            byte[] content = ("simulated attachment " + fileName).getBytes(StandardCharsets.UTF_8);
            MediaFile file = new MediaFile(UUID.randomUUID().toString(), fileName, contentType, content.length,
                    sha256(content), content);
            Media m = state.addMedia(mobile, actionType, List.of(file));
            ObjectNode body = Json.MAPPER.createObjectNode().put("mediaResource", m.mediaResource());
            if (caption != null) {
                body.put("caption", caption);
            }
            return state.addAction(groupId, mobile, actionType, null, false, body, List.of(), false).referenceId();
        });
    }

    /** Posts an announcement (Announcement). */
    public Action postAnnouncement(String groupId, String title, String text) {
        return postAction(groupId, "Announcement", Json.obj("title", title, "Message", text));
    }

    /** Posts a survey (SurveyCreated) with one {@code Text} question per title, due in 24 hours, one response per person. */
    public Action postSurvey(String groupId, String title, String... questionTitles) {
        List<Object> questions = Arrays.stream(questionTitles).map(q -> (Object) Json.obj("title", q, "type", "Text"))
                .toList();
        return postAction(groupId, "Survey", Json.obj("title", title, "questions", questions, "dueDate", 24));
    }

    /** Posts a job (JobCreated) assigned to those numbers, due in 24 hours. */
    public Action postJob(String groupId, String title, String... assignees) {
        return postAction(groupId, "Job", Json.obj("title", title, "assignedTo", List.of(assignees), "dueDate", 24));
    }

    /**
     * Posts an action of a built-in type ({@code Survey}, {@code Job}, {@code Poll}, {@code LetsMeet},
     * {@code Announcement}, or a media type with an issued {@code mediaResource}); {@code actionBody} (a Map, a
     * JsonNode, or any Jackson-serialisable value) is validated as {@code POST …/actions} does.
     */
    public Action postAction(String groupId, String actionType, Object actionBody) {
        String type = ActionsHandler.POST_TYPES.stream().filter(t -> t.equalsIgnoreCase(actionType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("actionType must be one of " + ActionsHandler.POST_TYPES
                        + ", got '" + actionType + "'"));
        JsonNode body = object(actionBody);
        return call(() -> {
            actions.validate(type, new Json.Fields(body, "actionBody"));
            boolean media = ActionsHandler.MEDIA_TYPES.contains(type);
            return state.addAction(groupId, mobile, type, null, !media, body, List.of(), false);
        });
    }

    /** Posts a custom action of that package (ActionCreated), {@code actionBody} validated as §9.10. */
    public Action postCustomAction(String groupId, String packageId, Object actionBody) {
        if (!ActionsHandler.isPackageId(packageId)) {
            throw new IllegalArgumentException("not an action package id: '" + packageId + "'");
        }
        JsonNode body = object(actionBody);
        return call(() -> {
            ActionsHandler.custom(new Json.Fields(body, "actionBody"));
            return state.addAction(groupId, mobile, null, packageId, true, body, List.of(), false);
        });
    }

    // ---------------------------------------------------------------- responding

    /**
     * Answers a survey (SurveyResponse), one answer per question, checked as {@code POST …/responses} does (a
     * string for Text, a number for Numeric, an option title or a list of them for choices, a Map {@code {lt, lg, n}}
     * for Location, a list of {@code mediaResource}s for AttachmentList, null = unanswered). Answering again
     * replaces the earlier response unless the survey accepts several. Returns the {@code responseId}.
     */
    public String answerSurvey(String groupId, String actionId, Object... answers) {
        return respond(groupId, actionId, "Survey", answers);
    }

    /** Marks a job complete (JobResponse); returns the {@code responseId}. */
    public String completeJob(String groupId, String actionId) {
        return call(() -> {
            requireType(groupId, actionId, "Job");
            ObjectNode body = Json.MAPPER.createObjectNode().put("isCompleted", true);
            return state.respond(groupId, mobile, actionId, null, null, body, true).responseId();
        });
    }

    /**
     * Votes in a poll, as people do in the app (the REST API takes no poll responses): ActionResponse, then
     * PollResponse. {@code choice} is one of the poll's choice titles; voting again replaces the vote. Returns the
     * {@code responseId}.
     */
    public String votePoll(String groupId, String actionId, String choice) {
        return call(() -> {
            Action a = requireType(groupId, actionId, "Poll");
            List<String> choices = new ArrayList<>();
            JsonNode given = Json.field(a.body(), "choices");
            (given == null ? Json.MAPPER.createArrayNode() : given)
                    .forEach(c -> choices.add(Json.text(c, "title", false)));
            return inAppResponse(groupId, actionId, Json.oneOf(choice, "choice", choices));
        });
    }

    /**
     * Answers a meeting invitation in the app: {@code Yes}, {@code No} or {@code Maybe} (ActionResponse, then
     * LetsMeetResponse); answering again replaces the answer. Returns the {@code responseId}.
     */
    public String answerLetsMeet(String groupId, String actionId, String attending) {
        return call(() -> {
            requireType(groupId, actionId, "LetsMeet");
            return inAppResponse(groupId, actionId, Json.oneOf(attending, "attending", EventData.RSVP));
        });
    }

    private Action requireType(String groupId, String actionId, String type) {
        Action a = state.action(groupId, mobile, actionId);
        if (a.isCustom() || !type.equals(a.actionType())) {
            throw Json.invalid("actionId", "'" + actionId + "' is a " + a.kind() + ", not a " + type);
        }
        return a;
    }

    private String inAppResponse(String groupId, String actionId, String answer) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("Answers").add(answer);
        return state.respond(groupId, mobile, actionId, null, body.get("Answers"), body, true).responseId();
    }

    /** Responds to a custom action (ActionResponse), answers as for {@link #answerSurvey}; returns the {@code responseId}. */
    public String respondToAction(String groupId, String actionId, Object... answers) {
        return respond(groupId, actionId, null, answers);
    }

    private String respond(String groupId, String actionId, String expectedType, Object[] answers) {
        List<Object> list = answers == null ? Arrays.asList((Object) null) : Arrays.asList(answers);
        return call(() -> {
            Action a = state.action(groupId, mobile, actionId);
            if (expectedType != null ? !expectedType.equals(a.actionType()) : !a.isCustom()) {
                throw Json.invalid("actionId", "'" + actionId + "' is a " + a.kind() + ", not a "
                        + (expectedType != null ? expectedType : "custom action"));
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode given = body.putArray("Answers");
            for (Object answer : list) {
                JsonNode node = Json.MAPPER.valueToTree(answer);
                given.add(node == null ? given.nullNode() : node);
            }
            JsonNode checked = ResponsesHandler.answers(a, new Json.Fields(body, "actionBody"));
            boolean onePerResponder = !Boolean.TRUE.equals(Json.bool(a.body(), "acceptMultipleResponses"));
            return state.respond(groupId, mobile, actionId, null, checked, body, onePerResponder).responseId();
        });
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode object(Object actionBody) {
        JsonNode body = actionBody instanceof JsonNode node ? node.deepCopy() : Json.MAPPER.valueToTree(actionBody);
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("actionBody must be a JSON object (a Map or an ObjectNode)");
        }
        return body;
    }

    /**
     * Runs a state operation; refusals become exceptions: invalid input or media → IllegalArgumentException, anything
     * else (not found, not allowed) → IllegalStateException, the message starting with the error code.
     */
    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (Refusal e) {
            String message = e.code() + ": " + e.getMessage();
            throw e.kind() == Refusal.Kind.INVALID || e.kind() == Refusal.Kind.UNSUPPORTED_MEDIA
                    ? new IllegalArgumentException(message) : new IllegalStateException(message);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Human[" + mobile + ", " + name() + "]";
    }
}
