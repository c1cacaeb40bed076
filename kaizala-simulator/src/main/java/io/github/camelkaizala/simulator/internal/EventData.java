package io.github.camelkaizala.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkaizala.simulator.Action;
import io.github.camelkaizala.simulator.ActionResponse;
import io.github.camelkaizala.simulator.Media;

/**
 * The event types of §12.1 and the {@code data} of each event (§12.7), in the field names and shapes of the
 * reference's examples ({@code events/*.json}). Pure functions of the action, response or member concerned.
 */
public final class EventData {

    public static final String TEXT_MESSAGE_CREATED = "TextMessageCreated";
    public static final String ATTACHMENT_CREATED = "AttachmentCreated";
    public static final String ANNOUNCEMENT = "Announcement";
    public static final String SURVEY_CREATED = "SurveyCreated";
    public static final String JOB_CREATED = "JobCreated";
    public static final String ACTION_CREATED = "ActionCreated";
    public static final String SURVEY_RESPONSE = "SurveyResponse";
    public static final String JOB_RESPONSE = "JobResponse";
    public static final String ACTION_RESPONSE = "ActionResponse";
    public static final String MEMBER_ADDED = "MemberAdded";
    public static final String MEMBER_REMOVED = "MemberRemoved";
    public static final String GROUP_ADDED = "GroupAdded";
    public static final String GROUP_REMOVED = "GroupRemoved";
    /** Beyond the 13 documented types: what the vendor's own request collection subscribed to (§14 D74). */
    public static final String POLL_CREATED = "PollCreated";
    public static final String POLL_RESPONSE = "PollResponse";
    public static final String LETS_MEET_CREATED = "LetsMeetCreated";
    public static final String LETS_MEET_RESPONSE = "LetsMeetResponse";

    /** Every event type a subscription may name: the 13 of §12.1, then the 4 of the vendor's collection. */
    public static final List<String> TYPES = List.of(ACTION_CREATED, ACTION_RESPONSE, SURVEY_CREATED, SURVEY_RESPONSE,
            JOB_CREATED, JOB_RESPONSE, TEXT_MESSAGE_CREATED, ATTACHMENT_CREATED, ANNOUNCEMENT, MEMBER_ADDED,
            MEMBER_REMOVED, GROUP_ADDED, GROUP_REMOVED, POLL_CREATED, POLL_RESPONSE, LETS_MEET_CREATED,
            LETS_MEET_RESPONSE);
    /** The answers of a meeting invitation (the simulator's; the reference names none). */
    public static final List<String> RSVP = List.of("Yes", "No", "Maybe");

    /** The events an {@code Action} subscription receives (for that action). */
    public static final List<String> ACTION_EVENTS = List.of(ACTION_CREATED, ACTION_RESPONSE, SURVEY_RESPONSE,
            JOB_RESPONSE,
            POLL_CREATED, POLL_RESPONSE, LETS_MEET_CREATED, LETS_MEET_RESPONSE);
    /** The events an {@code ActionPackage} subscription receives (for custom actions of that package). */
    public static final List<String> PACKAGE_EVENTS = List.of(ACTION_CREATED, ACTION_RESPONSE);

    /** The simulator keeps no pictures: every profile picture URL is empty (§12.7: "may be empty"). */
    public static final String NO_PICTURE = "";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DEFAULT_DUE_HOURS = 24;

    private EventData() {
    }

    /** The event a new action makes: media, announcement, survey, job, or else (poll, meeting, custom) ActionCreated. */
    public static String created(Action a) {
        if (a.isCustom()) {
            return ACTION_CREATED;
        }
        return switch (a.actionType()) {
            case "Survey" -> SURVEY_CREATED;
            case "Job" -> JOB_CREATED;
            case "Announcement" -> ANNOUNCEMENT;
            case "Image", "Album", "Audio", "Document", "Video" -> ATTACHMENT_CREATED;
            default -> ACTION_CREATED;
        };
    }

    /**
     * The second, specific event a poll or a meeting makes besides {@link #created} ({@code ActionCreated}):
     * {@code PollCreated} / {@code LetsMeetCreated}, with the same data; null for other actions.
     */
    public static String specificCreated(Action a) {
        return a.isCustom() ? null : switch (a.actionType()) {
            case "Poll" -> POLL_CREATED;
            case "LetsMeet" -> LETS_MEET_CREATED;
            default -> null;
        };
    }

    /** As {@link #specificCreated}, for a response: {@code PollResponse} / {@code LetsMeetResponse}, else null. */
    public static String specificResponse(Action a) {
        return a.isCustom() ? null : switch (a.actionType()) {
            case "Poll" -> POLL_RESPONSE;
            case "LetsMeet" -> LETS_MEET_RESPONSE;
            default -> null;
        };
    }

    /** The event a response to the action makes. */
    public static String response(Action a) {
        if (a.isCustom()) {
            return ACTION_RESPONSE;
        }
        return switch (a.actionType()) {
            case "Survey" -> SURVEY_RESPONSE;
            case "Job" -> JOB_RESPONSE;
            default -> ACTION_RESPONSE;
        };
    }

    /** §12.7.1 {@code {text}}. */
    public static ObjectNode text(String text) {
        return NODES.objectNode().put("text", text);
    }

    /** The data of {@link #created(Action)}; {@code media} resolves an issued {@code mediaResource} (null when unknown). */
    public static ObjectNode action(Action a, Function<String, Media> media) {
        JsonNode body = a.body();
        return switch (created(a)) {
            case ATTACHMENT_CREATED -> { // §12.7.2 {media: [{mediaUrl, mediaFileName}], actionType, caption}
                ObjectNode data = NODES.objectNode();
                ArrayNode items = data.putArray("media");
                Media m = media.apply(text(body, "mediaResource"));
                if (m != null) {
                    m.files().forEach(
                            f -> items.addObject().put("mediaUrl", Media.url(f)).put("mediaFileName", f.name()));
                }
                String caption = text(body, "caption");
                yield data.put("actionType", a.actionType()).put("caption", caption == null ? "" : caption);
            }
            case ANNOUNCEMENT -> { // §12.7.3 {title, text, media: [{url, fileName}]} (the sample's spelling)
                ObjectNode data = NODES.objectNode().put("title", text(body, "title")).put("text",
                        text(body, "Message"));
                ArrayNode items = data.putArray("media");
                List<String> resources = Json.strings(body, "MediaResources");
                for (String r : resources == null ? List.<String>of() : resources) {
                    Media m = media.apply(r);
                    if (m != null) {
                        m.files().forEach(f -> items.addObject().put("url", Media.url(f)).put("fileName", f.name()));
                    }
                }
                yield data;
            }
            case JOB_CREATED -> { // §12.7.4 {assignedTo, title, dueDate, actionId, groupId} (the sample's order)
                ObjectNode data = NODES.objectNode();
                ArrayNode assignees = data.putArray("assignedTo");
                List<String> assigned = Json.strings(body, "assignedTo");
                (assigned == null ? List.<String>of() : assigned).stream().distinct().forEach(assignees::add);
                Long hours = Json.number(body, "dueDate");
                Instant due = a.sentAt().plus(Duration.ofHours(hours == null ? DEFAULT_DUE_HOURS : hours));
                yield data.put("title", text(body, "title"))
                        .put("dueDate", due.truncatedTo(ChronoUnit.SECONDS).toString())
                        .put("actionId", a.actionId()).put("groupId", a.groupId());
            }
            default -> { // §12.7.6 {actionId, groupId, questions: [{title, type, options: [{title}], isInvisible}]}
                ObjectNode data = NODES.objectNode().put("actionId", a.actionId()).put("groupId", a.groupId());
                ArrayNode questions = data.putArray("questions");
                for (JsonNode question : questions(a)) {
                    ObjectNode q = questions.addObject().put("title", text(question, "title")).put("type",
                            type(question));
                    options(q.putArray("options"), Json.field(question, "options"));
                    q.put("isInvisible", Boolean.TRUE.equals(Json.bool(question, "isInvisible")));
                }
                yield data;
            }
        };
    }

    /** §12.7.5 {actionId, groupId, responseId, responseDetails: {response: {assignee, assigneeName, assigneeProfilePic, isCompleted}}}. */
    public static ObjectNode jobResponse(Action a, ActionResponse r) {
        ObjectNode data = NODES.objectNode().put("actionId", a.actionId()).put("groupId", a.groupId())
                .put("responseId", r.responseId());
        data.putObject("responseDetails").putObject("response")
                .put("assignee", r.responder())
                .put("assigneeName", Store.displayName(r.responder()))
                .put("assigneeProfilePic", NO_PICTURE)
                .put("isCompleted", r.isCompleted());
        return data;
    }

    /**
     * §12.7.7 {actionId, [actionPackageId, packageId,] groupId, responseId, isUpdateResponse, responder, responderName,
     * responderProfilePic, isAnonymous, responseDetails: {responseWithQuestions: [{title, type, options, answer}…,
     * {isInvisible: true, title: ResponseTime, type: DateTime, options: [], answer: epoch ms}]}}. On an anonymous
     * survey the responder fields are null.
     */
    public static ObjectNode response(Action a, ActionResponse r, Function<String, Media> media) {
        ObjectNode data = NODES.objectNode().put("actionId", a.actionId());
        if (a.isCustom()) {
            data.put("actionPackageId", a.packageId()).put("packageId", a.packageId());
        }
        boolean anonymous = Boolean.TRUE.equals(Json.bool(a.body(), "isAnonymous"));
        data.put("groupId", a.groupId()).put("responseId", r.responseId()).put("isUpdateResponse", r.updated())
                .put("responder", anonymous ? null : r.responder())
                .put("responderName", anonymous ? null : Store.displayName(r.responder()))
                .put("responderProfilePic", anonymous ? null : NO_PICTURE)
                .put("isAnonymous", anonymous);
        ArrayNode items = data.putObject("responseDetails").putArray("responseWithQuestions");
        List<JsonNode> questions = "LetsMeet".equals(a.actionType()) ? List.of(rsvpQuestion()) : questions(a);
        JsonNode answers = r.answers() == null ? NODES.arrayNode() : r.answers();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode question = i < questions.size() ? questions.get(i) : NODES.objectNode();
            ObjectNode item = NODES.objectNode();
            if (Boolean.TRUE.equals(Json.bool(question, "isInvisible"))) {
                item.put("isInvisible", true);
            }
            String type = type(question);
            item.put("title", text(question, "title") == null ? "" : text(question, "title")).put("type", type);
            options(item.putArray("options"), Json.field(question, "options"));
            item.set("answer", answer(type, answers.get(i), media));
            items.add(item);
        }
        ObjectNode time = items.addObject().put("isInvisible", true).put("title", "ResponseTime").put("type",
                "DateTime");
        time.putArray("options");
        time.put("answer", r.at().toEpochMilli());
        return data;
    }

    /** §12.7.8 {member, memberName, memberProfilePic, type}. */
    public static ObjectNode member(String mobile, String role) {
        return NODES.objectNode().put("member", mobile).put("memberName", Store.displayName(mobile))
                .put("memberProfilePic", NO_PICTURE).put("type", role);
    }

    /** §12.7.9 (undocumented; the examples' guess) {groupId, groupName} of the sub-group linked or unlinked. */
    public static ObjectNode group(String groupId, String groupName) {
        return NODES.objectNode().put("groupId", groupId).put("groupName", groupName);
    }

    /**
     * An answer as the service reported it: choice answers as arrays of titles, numbers as decimals, times as epoch
     * milliseconds, locations as {@code {lt, lg, n}}, attachments (and images) as {@code [{mediaUrl, mediaFileName}]}.
     */
    public static JsonNode answer(String type, JsonNode answer, Function<String, Media> media) {
        if (answer == null || answer.isNull()) {
            return NODES.nullNode();
        }
        switch (type) {
            case "SingleOption", "MultiOption" -> {
                return answer.isArray() ? answer.deepCopy() : NODES.arrayNode().add(answer.deepCopy());
            }
            case "Numeric" -> {
                if (answer.isNumber()) {
                    return NODES.numberNode(answer.doubleValue());
                }
                try {
                    return NODES.numberNode(Double.parseDouble(answer.asText().trim()));
                } catch (NumberFormatException e) {
                    return answer.deepCopy();
                }
            }
            case "Date", "DateTime" -> {
                if (answer.isNumber()) {
                    return NODES.numberNode(answer.longValue());
                }
                String value = answer.asText().trim();
                try {
                    return NODES.numberNode(OffsetDateTime.parse(value).toInstant().toEpochMilli());
                } catch (DateTimeParseException e) {
                    try {
                        return NODES.numberNode(Long.parseLong(value));
                    } catch (NumberFormatException notNumeric) {
                        return answer.deepCopy();
                    }
                }
            }
            case "Location" -> {
                if (!answer.isObject()) {
                    return answer.deepCopy();
                }
                ObjectNode location = NODES.objectNode();
                location.set("lt", first(answer, "lt", "latitude"));
                location.set("lg", first(answer, "lg", "longitude"));
                location.set("n", first(answer, "n", "name"));
                return location;
            }
            case "AttachmentList", "Image" -> {
                ArrayNode files = NODES.arrayNode();
                for (JsonNode item : answer.isArray() ? answer : NODES.arrayNode().add(answer)) {
                    Media m = item.isTextual() ? media.apply(item.textValue()) : null;
                    if (m == null) {
                        files.add(item.deepCopy());
                    } else {
                        m.files().forEach(
                                f -> files.addObject().put("mediaUrl", Media.url(f)).put("mediaFileName", f.name()));
                    }
                }
                return files;
            }
            default -> {
                return answer.deepCopy();
            }
        }
    }

    private static JsonNode first(JsonNode object, String name, String alternative) {
        JsonNode value = Json.field(object, name);
        if (value == null) {
            value = Json.field(object, alternative);
        }
        return value == null ? NODES.nullNode() : value.deepCopy();
    }

    /**
     * The action's questions; a poll's question as one {@code SingleOption} question with its choices as options.
     */
    private static List<JsonNode> questions(Action a) {
        if (!a.isCustom() && "Poll".equals(a.actionType())) {
            ObjectNode q = NODES.objectNode().put("title", text(a.body(), "question")).put("type", "SingleOption");
            JsonNode choices = Json.field(a.body(), "choices");
            q.set("options", choices == null ? NODES.arrayNode() : choices);
            return List.of(q);
        }
        JsonNode questions = Json.field(a.body(), "questions");
        if (questions == null || !questions.isArray()) {
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        questions.forEach(list::add);
        return list;
    }

    /** A meeting's one implicit question: attending? ({@link #RSVP}). */
    private static JsonNode rsvpQuestion() {
        ObjectNode q = NODES.objectNode().put("title", "Attending").put("type", "SingleOption");
        RSVP.forEach(answer -> q.withArray("options").addObject().put("title", answer));
        return q;
    }

    /** The question's type in its canonical spelling (§13), as sent when unknown, empty when absent. */
    private static String type(JsonNode question) {
        String type = text(question, "type");
        if (type == null) {
            return "";
        }
        return ActionsHandler.QUESTION_TYPES.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst().orElse(type);
    }

    /** Appends {@code {title}} of each option (or poll choice). */
    private static void options(ArrayNode target, JsonNode options) {
        if (options != null && options.isArray()) {
            options.forEach(o -> target.addObject().put("title", o.isTextual() ? o.textValue() : text(o, "title")));
        }
    }

    private static String text(JsonNode object, String name) {
        JsonNode node = Json.field(object, name);
        return node == null ? null : node.asText();
    }
}
