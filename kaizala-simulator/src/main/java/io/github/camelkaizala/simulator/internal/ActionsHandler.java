package io.github.camelkaizala.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.Action;
import io.github.camelkaizala.simulator.ActionResponse;
import io.github.camelkaizala.simulator.Media;
import io.github.camelkaizala.simulator.MediaFile;

/**
 * Actions (§8.2, §9): list, details, and creation of every type — survey, job, poll, let's meet, announcement,
 * media attachments and custom actions ({@code id} = package id). Reading and posting need read access to
 * the group; {@code sendToAllSubscribers} needs an Admin.
 */
public final class ActionsHandler {

    public static final List<String> MEDIA_TYPES = List.of("Image", "Album", "Audio", "Document", "Video");
    public static final List<String> POST_TYPES = Stream.concat(
            Stream.of("Survey", "Job", "Poll", "LetsMeet", "Announcement"), MEDIA_TYPES.stream()).toList();
    public static final List<String> LIST_TYPES = Stream.concat(POST_TYPES.stream(),
            Stream.of("ShareLocation", "PhotoWithLocation")).toList();
    public static final List<String> QUESTION_TYPES = List.of("SingleOption", "MultiOption", "Text", "Image", "Numeric",
            "Date",
            "DateTime", "Location", "AttachmentList");
    public static final List<String> PROPERTY_TYPES = List.of("Text", "Numeric", "Location", "DateTime", "StringList",
            "Attachment", "StringSet", "AttachmentList");
    public static final int MAX_PACKAGE_ID = 64;
    public static final int DEFAULT_COUNT = 30;
    private static final long DEFAULT_DUE_HOURS = 24;
    private static final long DEFAULT_POLL_HOURS = 720;
    private static final long DEFAULT_MEETING_MINUTES = 30;

    private final Store state;

    public ActionsHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("GET", "/groups/{groupId}/actions", this::list);
        r.add("POST", "/groups/{groupId}/actions", this::create);
        r.add("GET", "/groups/{groupId}/actions/{actionId}", this::details);
    }

    // ---------------------------------------------------------------- reading

    /**
     * {@code actionType} (required: a type of §9.1, any case, or a package id), {@code fromDate} (epoch seconds,
     * or milliseconds when above 10^11; only actions sent strictly after it), {@code count} (default 30).
     * Answer {@code {actions: [{referenceId, actionType, sender, sentAt, actionBody}], hasMore}}, oldest first.
     */
    private Response list(Call c) {
        String type = c.queryIgnoringCase("actionType");
        if (type == null || type.isBlank()) {
            throw Json.missing("actionType");
        }
        String kind = LIST_TYPES.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst()
                .orElseGet(() -> {
                    if (type.contains(".") && isPackageId(type)) {
                        return type;
                    }
                    throw Json.invalid("actionType",
                            "must be one of " + LIST_TYPES + " or an action package id, got '" + type + "'");
                });
        Instant from = null;
        String fromDate = c.queryIgnoringCase("fromDate");
        if (fromDate != null && !fromDate.isBlank()) {
            long value = queryNumber(fromDate, "fromDate");
            from = value >= 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        int count = DEFAULT_COUNT;
        String countText = c.queryIgnoringCase("count");
        if (countText != null && !countText.isBlank()) {
            long value = queryNumber(countText, "count");
            if (value < 1 || value > Integer.MAX_VALUE) {
                throw Json.invalid("count", "must be at least 1, got " + value);
            }
            count = (int) value;
        }
        Store.ActionPage page = state.actions(c.param("groupId"), c.user(), kind, from, count);
        return Response.ok(Json.obj(
                "actions", page.actions().stream().map(a -> Json.obj(
                        "referenceId", a.referenceId(),
                        "actionType", a.kind(),
                        "sender", a.sender(),
                        "sentAt", a.sentAt().toString(),
                        "actionBody", summary(a))).toList(),
                "hasMore", page.hasMore()));
    }

    /**
     * {@code getDetails} (default false). Answer {@code {referenceId, actionType, sender, sentAt, actionDetails}};
     * with {@code getDetails=true} {@code actionDetails.responses} lists every response.
     */
    private Response details(Call c) {
        boolean withResponses = c.queryFlag("getDetails", false);
        Action a = state.action(c.param("groupId"), c.user(), c.param("actionId"));
        Map<String, Object> details = summary(a);
        JsonNode body = a.body();
        switch (a.isCustom() ? "custom" : a.actionType()) {
            case "Survey" -> {
                details.put("isAnonymous", flag(body, "isAnonymous"));
                details.put("isSenderOnly", flag(body, "isSenderOnly"));
                details.put("acceptMultipleResponses", flag(body, "acceptMultipleResponses"));
                details.put("questions", Json.field(body, "questions"));
            }
            case "Job" -> {
                details.put("status", details.get("isCompleted"));
                details.put("assignedTo", Json.field(body, "assignedTo"));
            }
            case "custom" -> {
                details.put("questions", Json.field(body, "questions"));
                details.put("validity", Json.field(body, "validity"));
            }
            default -> {
                // the summary says it all
            }
        }
        if (withResponses) {
            boolean anonymous = flag(body, "isAnonymous");
            details.put("responses", a.responses().stream().map(r -> response(a, r, anonymous)).toList());
        }
        return Response.ok(Json.obj(
                "referenceId", a.referenceId(),
                "actionType", a.kind(),
                "sender", a.sender(),
                "sentAt", a.sentAt().toString(),
                "actionDetails", details));
    }

    /** The {@code actionBody} of a list item (§9.2), also the base of {@code actionDetails}. */
    private Map<String, Object> summary(Action a) {
        JsonNode body = a.body();
        switch (a.isCustom() ? "custom" : a.actionType()) {
            case "Survey" :
                return Json.obj("actionId", a.actionId(), "title", text(body, "title"),
                        "responseCount", a.responses().size(),
                        "expiryDate", after(a, hours(body, "dueDate", DEFAULT_DUE_HOURS)));
            case "Job" : {
                List<String> assignees = strings(body, "assignedTo");
                Set<String> done = a.responses().stream().filter(ActionResponse::isCompleted)
                        .map(ActionResponse::responder).filter(assignees::contains).collect(Collectors.toSet());
                return Json.obj("actionId", a.actionId(), "title", text(body, "title"),
                        "assigneeCount", assignees.size(), "responseCount", done.size(),
                        "isCompleted", done.containsAll(assignees),
                        "dueDate", after(a, hours(body, "dueDate", DEFAULT_DUE_HOURS)));
            }
            case "Poll" : {
                List<Map<String, Object>> choices = new ArrayList<>();
                Json.field(body, "choices").forEach(choice -> {
                    Map<String, Object> item = Json.obj("title", text(choice, "title"));
                    String image = text(choice, "image");
                    if (image != null) {
                        state.media(image).ifPresent(m -> item.put("image", Media.url(m.file())));
                    }
                    choices.add(item);
                });
                return Json.obj("actionId", a.actionId(), "question", text(body, "question"),
                        "isSenderOnly", flag(body, "isSenderOnly"),
                        "expiryDate", after(a, hours(body, "expiryInHours", DEFAULT_POLL_HOURS)),
                        "choices", choices);
            }
            case "LetsMeet" :
                return Json.obj("actionId", a.actionId(), "title", text(body, "title"),
                        "startingTime", startingTime(text(body, "startingTime"), "actionBody.startingTime").toString(),
                        "agenda", text(body, "agenda"), "duration", meetingMinutes(body),
                        "isSenderOnly", flag(body, "isSenderOnly"), "place", Json.field(body, "place"));
            case "Announcement" : {
                List<String> resources = strings(body, "MediaResources");
                return Json.obj("actionId", a.actionId(), "title", text(body, "title"), "message",
                        text(body, "Message"),
                        "media",
                        resources.stream().map(state::media).flatMap(m -> m.stream().flatMap(x -> x.files().stream()))
                                .map(f -> Json.obj("url", Media.url(f), "fileName", f.name())).toList());
            }
            case "custom" : {
                Long validity = Json.number(body, "validity");
                return Json.obj("actionId", a.actionId(), "packageId", a.packageId(), "title", text(body, "title"),
                        "responseCount", a.responses().size(),
                        "expiryDate", validity == null ? null : after(a, validity),
                        "properties", Json.field(body, "properties"));
            }
            default : { // media
                String resource = text(body, "mediaResource");
                List<MediaFile> files = state.media(resource).map(Media::files).orElse(List.of());
                Map<String, Object> item = Json.obj();
                if (!files.isEmpty() && (a.actionType().equals("Image") || a.actionType().equals("Album"))) {
                    item.put("imageUrl", Media.url(files.get(0)));
                }
                item.put("caption", text(body, "caption"));
                item.put("mediaResource", resource);
                item.put("media", files.stream().map(f -> Json.obj("mediaUrl", Media.url(f), "mediaFileName", f.name()))
                        .toList());
                return item;
            }
        }
    }

    private static Map<String, Object> response(Action a, ActionResponse r, boolean anonymous) {
        Map<String, Object> item = Json.obj(
                "responseId", r.responseId(),
                "responder", anonymous ? null : r.responder(),
                "respondedAt", r.at().toString(),
                "isUpdateResponse", r.updated());
        if ("Job".equals(a.actionType())) {
            item.put("isCompleted", r.isCompleted());
        } else {
            item.put("answers", r.answers());
            JsonNode name = Json.field(r.body(), "responseName");
            JsonNode location = Json.field(r.body(), "responseLocation");
            if (name != null) {
                item.put("responseName", name);
            }
            if (location != null) {
                item.put("responseLocation", location);
            }
        }
        return item;
    }

    // ---------------------------------------------------------------- creating

    /** Answer {@code {referenceId, actionId}}; {@code {referenceId}} only for a media attachment. */
    private Response create(Call c) {
        Json.Fields body = Json.Fields.of(c.body());
        boolean hasType = body.either("actionType", "id");
        Json.Fields actionBody = body.object("actionBody", true);
        String actionType = null;
        String packageId = null;
        if (hasType) {
            actionType = body.oneOf("actionType", POST_TYPES, true);
            validate(actionType, actionBody);
        } else {
            packageId = body.text("id", true);
            if (!isPackageId(packageId)) {
                throw Json.invalid("id", "must be an action package id of 1 to " + MAX_PACKAGE_ID
                        + " characters without spaces, got '" + packageId + "'");
            }
            custom(actionBody);
        }
        List<String> subscribers = body.mobileNumbers("subscribers");
        Boolean toAll = body.bool("sendToAllSubscribers");
        boolean media = actionType != null && MEDIA_TYPES.contains(actionType);
        Action a = state.addAction(c.param("groupId"), c.user(), actionType, packageId, !media, actionBody.node(),
                subscribers == null ? List.of() : subscribers, Boolean.TRUE.equals(toAll));
        return Response.ok(media ? Json.obj("referenceId", a.referenceId())
                : Json.obj("referenceId", a.referenceId(), "actionId", a.actionId()));
    }

    public void validate(String actionType, Json.Fields b) {
        switch (actionType) {
            case "Survey" -> {
                b.nonBlank("title");
                questions(b, true);
                b.positive("dueDate", DEFAULT_DUE_HOURS);
                Stream.of("isAnonymous", "isSenderOnly", "acceptMultipleResponses").forEach(b::bool);
                if (b.has("properties")) {
                    throw Json.invalid(b.label("properties"), "is only valid for custom actions (sent with 'id')");
                }
            }
            case "Job" -> {
                b.nonBlank("title");
                List<String> assignees = b.mobileNumbers("assignedTo");
                if (assignees == null) {
                    throw Json.missing(b.label("assignedTo"));
                }
                if (assignees.isEmpty()) {
                    throw Json.invalid(b.label("assignedTo"), "must not be empty");
                }
                b.positive("dueDate", DEFAULT_DUE_HOURS);
            }
            case "Poll" -> {
                b.nonBlank("question");
                List<Json.Fields> choices = b.objects("choices", true);
                if (choices.isEmpty()) {
                    throw Json.invalid(b.label("choices"), "must not be empty");
                }
                for (Json.Fields choice : choices) {
                    choice.nonBlank("title");
                    String image = choice.text("image", false);
                    if (image != null) {
                        media(image, choice.label("image"), "Image");
                    }
                }
                b.positive("expiryInHours", DEFAULT_POLL_HOURS);
                b.bool("isSenderOnly");
            }
            case "LetsMeet" -> {
                b.nonBlank("title");
                startingTime(b.text("startingTime", true), b.label("startingTime"));
                b.positive("DurationInMins", DEFAULT_MEETING_MINUTES);
                b.positive("duration", DEFAULT_MEETING_MINUTES);
                Json.Fields place = b.object("place", false);
                if (place != null) {
                    place.decimal("latitude", true);
                    place.decimal("longitude", true);
                    place.text("name", false);
                }
                b.text("agenda", false);
                b.bool("isSenderOnly");
            }
            case "Announcement" -> {
                b.nonBlank("title");
                b.nonBlank("Message");
                List<String> resources = b.strings("MediaResources");
                if (resources != null) {
                    for (int i = 0; i < resources.size(); i++) {
                        media(resources.get(i), b.label("MediaResources") + "[" + i + "]", "Image");
                    }
                }
            }
            default -> { // media: Image, Album, Audio, Document, Video
                media(b.text("mediaResource", true), b.label("mediaResource"), actionType);
                b.text("caption", false);
            }
        }
    }

    /** §9.10: survey-like fields, all optional, plus {@code properties} and {@code validity}. */
    public static void custom(Json.Fields b) {
        b.text("title", false);
        b.positive("validity", 1);
        b.positive("dueDate", DEFAULT_DUE_HOURS);
        Stream.of("isAnonymous", "isSenderOnly", "acceptMultipleResponses").forEach(b::bool);
        questions(b, false);
        List<Json.Fields> properties = b.objects("properties", false);
        if (properties != null) {
            for (Json.Fields p : properties) {
                p.nonBlank("name");
                p.oneOf("type", PROPERTY_TYPES, true);
                JsonNode value = p.raw("value");
                if (value == null) {
                    throw Json.missing(p.label("value"));
                }
                if (!value.isValueNode()) {
                    throw Json.invalid(p.label("value"), "must be a string");
                }
            }
        }
    }

    private static void questions(Json.Fields b, boolean required) {
        List<Json.Fields> questions = b.objects("questions", required);
        if (questions == null) {
            return;
        }
        if (questions.isEmpty()) {
            throw Json.invalid(b.label("questions"), "must not be empty");
        }
        for (Json.Fields q : questions) {
            q.nonBlank("title");
            String type = q.oneOf("type", QUESTION_TYPES, true);
            q.bool("isInvisible");
            boolean choice = type.equals("SingleOption") || type.equals("MultiOption");
            List<Json.Fields> options = q.objects("options", choice);
            if (choice && options.isEmpty()) {
                throw Json.invalid(q.label("options"), "must not be empty for a " + type + " question");
            }
            if (options != null) {
                options.forEach(o -> o.nonBlank("title"));
            }
        }
    }

    /** A {@code mediaResource} this simulator issued, holding media suitable for {@code actionType}; 400 otherwise. */
    private Media media(String resource, String label, String actionType) {
        Media m = state.media(resource)
                .orElseThrow(() -> Json.invalid(label, "is not a mediaResource returned by POST /media"));
        String expected = actionType.equals("Album") ? "Image" : actionType;
        String actual = m.actionType().equals("Album") ? "Image" : m.actionType();
        if (!expected.equals(actual)) {
            throw Json.invalid(label, "holds " + m.actionType() + " media (" + m.file().contentType()
                    + "), which cannot be posted as " + actionType);
        }
        return m;
    }

    // ---------------------------------------------------------------- helpers

    public static boolean isPackageId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_PACKAGE_ID
                && id.chars().noneMatch(Character::isWhitespace);
    }

    private static long queryNumber(String text, String name) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw Json.invalid(name, "must be a whole number, got '" + text + "'");
        }
    }

    public static Instant startingTime(String text, String label) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Json.invalid(label, "must be an ISO-8601 date-time such as 2018-05-21T04:30:00Z, got '" + text + "'");
        }
    }

    private static long meetingMinutes(JsonNode body) {
        Long minutes = Json.number(body, "DurationInMins");
        if (minutes == null) {
            minutes = Json.number(body, "duration");
        }
        return minutes == null ? DEFAULT_MEETING_MINUTES : minutes;
    }

    private static long hours(JsonNode body, String name, long fallback) {
        Long value = Json.number(body, name);
        return value == null ? fallback : value;
    }

    private static String after(Action a, long hours) {
        return a.sentAt().plus(Duration.ofHours(hours)).toString();
    }

    private static String text(JsonNode object, String name) {
        JsonNode node = Json.field(object, name);
        return node == null ? null : node.asText();
    }

    private static boolean flag(JsonNode object, String name) {
        Boolean value = Json.bool(object, name);
        return Boolean.TRUE.equals(value);
    }

    private static List<String> strings(JsonNode object, String name) {
        List<String> values = Json.strings(object, name);
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
