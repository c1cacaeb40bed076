package org.apache.camel.component.kaizala.internal.operation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.apache.camel.component.kaizala.internal.wire.Text;
import org.apache.camel.component.kaizala.model.ActionRequest;
import org.apache.camel.component.kaizala.model.Announcement;
import org.apache.camel.component.kaizala.model.Choice;
import org.apache.camel.component.kaizala.model.CreateGroupRequest;
import org.apache.camel.component.kaizala.model.CreateSubGroupRequest;
import org.apache.camel.component.kaizala.model.GeneratePinRequest;
import org.apache.camel.component.kaizala.model.Job;
import org.apache.camel.component.kaizala.model.JobCompletion;
import org.apache.camel.component.kaizala.model.LetsMeet;
import org.apache.camel.component.kaizala.model.MediaAttachment;
import org.apache.camel.component.kaizala.model.MembersRequest;
import org.apache.camel.component.kaizala.model.PinLoginRequest;
import org.apache.camel.component.kaizala.model.Poll;
import org.apache.camel.component.kaizala.model.Question;
import org.apache.camel.component.kaizala.model.ReactionRequest;
import org.apache.camel.component.kaizala.model.ResponseRequest;
import org.apache.camel.component.kaizala.model.RoleRequest;
import org.apache.camel.component.kaizala.model.SendMessageRequest;
import org.apache.camel.component.kaizala.model.SubGroupsRequest;
import org.apache.camel.component.kaizala.model.SubscribersPageRequest;
import org.apache.camel.component.kaizala.model.SubscribersRequest;
import org.apache.camel.component.kaizala.model.Survey;
import org.apache.camel.component.kaizala.model.SurveyAnswers;
import org.apache.camel.component.kaizala.model.WebhookRequest;

/**
 * How each operation turns an exchange into its request body, and the rules that body must keep (reference §2–§12,
 * with §14's advice on what to send). Values in the body win over headers, headers over endpoint options. Every
 * method returns a new object: the caller's body is never changed.
 */
public final class RequestBodies {

    static final List<String> GROUP_TYPES = List.of("Group", "ConnectGroup");
    static final List<String> ROLES = values(KaizalaConstants.ROLE_VALUES);
    static final List<String> QUESTION_TYPES = List.of(
            "SingleOption", "MultiOption", "Text", "Image", "Numeric", "Date", "DateTime", "Location",
            "AttachmentList");
    static final List<String> PROPERTY_TYPES = List.of(
            "Text", "Numeric", "Location", "DateTime", "StringList", "Attachment", "StringSet", "AttachmentList");
    static final List<String> MEDIA_ACTION_TYPES = List.of("Image", "Album", "Audio", "Document", "Video");
    static final List<String> REACTION_TYPES = values(KaizalaConstants.REACTION_TYPE_VALUES);
    public static final List<String> OBJECT_TYPES = values(KaizalaConstants.OBJECT_TYPE_VALUES);
    static final int MAX_GROUP_MEMBERS = 100;
    static final int MAX_SUBSCRIBERS_PAGE = 50;
    static final int MAX_PACKAGE_ID = 64;

    private RequestBodies() {
    }

    private static List<String> values(String commaSeparated) {
        return List.of(commaSeparated.split(","));
    }

    // ---- auth

    /** auth/generatePin: a String body is the phone number. */
    public static GeneratePinRequest generatePin(OperationInput input) {
        return phoneAndConnector(input, input.bodyAs(GeneratePinRequest.class,
                body -> new GeneratePinRequest().mobileNumber(body == null ? null : input.text())));
    }

    /** auth/refreshToken: a number (or numeric String) body is the PIN. */
    public static PinLoginRequest pinLogin(OperationInput input) {
        PinLoginRequest request = phoneAndConnector(input, input.bodyAs(PinLoginRequest.class,
                body -> new PinLoginRequest().pin(pin(input.text()))));
        if (request.getPin() == null) {
            throw new KaizalaValidationException("pin", "required: the PIN Kaizala sent by SMS, as the body");
        }
        return request;
    }

    /** The phone the PIN goes to (mobileNumber option or header by default) and the connector (its applicationId). */
    private static <R extends GeneratePinRequest> R phoneAndConnector(OperationInput input, R request) {
        if (request.getMobileNumber() == null) {
            request.setMobileNumber(input.string(Parameter.MOBILE_NUMBER));
        }
        if (request.getApplicationId() == null) {
            request.setApplicationId(input.options().applicationId());
        }
        Validate.required("applicationId", request.getApplicationId(), "set the applicationId option");
        Validate.phoneNumber("mobileNumber", request.getMobileNumber());
        return request;
    }

    private static Integer pin(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new KaizalaValidationException("pin", "digits only");
        }
    }

    // ---- groups and sub-groups

    public static CreateGroupRequest createGroup(OperationInput input) {
        CreateGroupRequest request = input.bodyAs(CreateGroupRequest.class);
        Validate.required("name", request.getName(), null);
        Validate.notNull("welcomeMessage", request.getWelcomeMessage());
        request.setMembers(orEmpty(request.getMembers()));
        Validate.phoneNumbers("members", request.getMembers(), MAX_GROUP_MEMBERS);
        request.setGroupType(
                Validate.oneOf("groupType", request.getGroupType() == null ? "Group" : request.getGroupType(),
                        GROUP_TYPES));
        return request;
    }

    /** subgroups/create: {@code groupName} and {@code name} carry the same value (reference §14 D13). */
    public static CreateSubGroupRequest createSubGroup(OperationInput input) {
        CreateSubGroupRequest request = input.bodyAs(CreateSubGroupRequest.class);
        String name = request.getGroupName() != null ? request.getGroupName() : request.getName();
        Validate.required("groupName", name, null);
        Validate.notNull("welcomeMessage", request.getWelcomeMessage());
        request.setGroupName(name);
        request.setName(name);
        request.setMembers(orEmpty(request.getMembers()));
        Validate.phoneNumbers("members", request.getMembers(), MAX_GROUP_MEMBERS);
        request.setGroupType("Group");
        return request;
    }

    /** subgroups/add: a list or comma-separated string of group ids. */
    public static SubGroupsRequest addSubGroups(OperationInput input) {
        SubGroupsRequest request = input.bodyAs(SubGroupsRequest.class, body -> listBody(body, SubGroupsRequest::new,
                SubGroupsRequest::subGroups));
        Validate.notEmpty("subGroups", request.getSubGroups());
        for (int i = 0; i < request.getSubGroups().size(); i++) {
            Validate.required("subGroups[" + i + "]", request.getSubGroups().get(i), null);
        }
        return request;
    }

    // ---- members and subscribers

    /** members/add: a list or comma-separated string of phone numbers. */
    public static MembersRequest addMembers(OperationInput input) {
        MembersRequest request = input.bodyAs(MembersRequest.class, body -> listBody(body, MembersRequest::new,
                MembersRequest::members));
        Validate.notEmpty("members", request.getMembers());
        Validate.phoneNumbers("members", request.getMembers(), Integer.MAX_VALUE);
        return request;
    }

    /** members/updateRole: a String body, or the role option or header. */
    public static RoleRequest updateRole(OperationInput input) {
        RoleRequest request = input.body() == null
                ? new RoleRequest()
                : input.bodyAs(RoleRequest.class, body -> new RoleRequest().role(input.text()));
        if (request.getRole() == null) {
            request.setRole(input.string(Parameter.ROLE));
        }
        request.setRole(Validate.oneOf("role", Validate.required("role", request.getRole(),
                Parameter.ROLE.hint()), ROLES));
        return request;
    }

    /**
     * subscribers/list: the page asked for — the documented body ({@code {"count": 50, "cursor": …}}) or, without a
     * body, the count and cursor options or headers.
     */
    public static SubscribersPageRequest subscribersPage(OperationInput input) {
        SubscribersPageRequest given = input.objectTree() == null ? new SubscribersPageRequest()
                : input.bodyAs(SubscribersPageRequest.class);
        Integer count = given.getCount() != null ? given.getCount() : input.integer(Parameter.COUNT);
        if (count != null && (count < 1 || count > MAX_SUBSCRIBERS_PAGE)) {
            throw new KaizalaValidationException("count", "from 1 to " + MAX_SUBSCRIBERS_PAGE + ", got " + count);
        }
        String cursor = input.string(Parameter.CURSOR);
        return new SubscribersPageRequest().count(count == null ? MAX_SUBSCRIBERS_PAGE : count)
                .cursor(cursor != null ? cursor : given.getCursor());
    }

    /** subscribers/add and subscribers/remove: a list or comma-separated string of phone numbers. */
    public static SubscribersRequest subscribers(OperationInput input) {
        SubscribersRequest request = input.bodyAs(SubscribersRequest.class,
                body -> listBody(body, SubscribersRequest::new,
                        SubscribersRequest::subscribers));
        Validate.notEmpty("subscribers", request.getSubscribers());
        Validate.phoneNumbers("subscribers", request.getSubscribers(), Integer.MAX_VALUE);
        return request;
    }

    // ---- messages

    /**
     * messages/send: a Map, a JsonNode or the model is the request; a String (or anything else) is the text itself,
     * never parsed as JSON.
     */
    public static SendMessageRequest sendMessage(OperationInput input) {
        Object body = input.body();
        SendMessageRequest request = body instanceof SendMessageRequest || body instanceof Map
                || body instanceof JsonNode
                        ? input.bodyAs(SendMessageRequest.class)
                        : new SendMessageRequest(input.text());
        Validate.required("message", request.getMessage(), "the message body is the text to send");
        Validate.maxLength("message", request.getMessage(), input.options().maxMessageLength());
        Audience audience = audience(input, request.getSubscribers(), request.getSendToAllSubscribers());
        return request.subscribers(audience.subscribers()).sendToAllSubscribers(audience.sendToAll());
    }

    // ---- actions

    public static ActionRequest survey(OperationInput input) {
        return action(input, "Survey", body -> {
            Survey survey = body.bodyAs(Survey.class);
            validateSurvey(survey, true);
            return survey;
        });
    }

    private static void validateSurvey(Survey survey, boolean required) {
        if (required || survey.getTitle() != null) {
            Validate.required("title", survey.getTitle(), null);
        }
        if (required || survey.getQuestions() != null) {
            Validate.notEmpty("questions", survey.getQuestions());
            for (int i = 0; i < survey.getQuestions().size(); i++) {
                Question question = survey.getQuestions().get(i);
                String field = "questions[" + i + "]";
                if (question == null) {
                    throw new KaizalaValidationException(field, "required");
                }
                Validate.required(field + ".title", question.getTitle(), null);
                question.setType(Validate.oneOf(field + ".type",
                        Validate.required(field + ".type", question.getType(), null), QUESTION_TYPES));
                if (question.getType().endsWith("Option")) {
                    Validate.notEmpty(field + ".options", question.getOptions());
                    for (int j = 0; j < question.getOptions().size(); j++) {
                        Validate.required(field + ".options[" + j + "].title",
                                question.getOptions().get(j) == null ? null : question.getOptions().get(j).getTitle(),
                                null);
                    }
                }
            }
        }
        if (survey.getProperties() != null) {
            for (int i = 0; i < survey.getProperties().size(); i++) {
                var property = survey.getProperties().get(i);
                String field = "properties[" + i + "]";
                Validate.required(field + ".name", property.getName(), null);
                property.setType(
                        Validate.oneOf(field + ".type", Validate.required(field + ".type", property.getType(), null),
                                PROPERTY_TYPES));
                Validate.notNull(field + ".value", property.getValue());
            }
        }
        if (required) {
            survey.setDueDate(positive("dueDate", survey.getDueDate(), 24));
            survey.setIsAnonymous(orFalse(survey.getIsAnonymous()));
            survey.setIsSenderOnly(orFalse(survey.getIsSenderOnly()));
            survey.setAcceptMultipleResponses(orFalse(survey.getAcceptMultipleResponses()));
        }
    }

    /** actions/job: a list or comma-separated string of assignees, with the title option or header. */
    public static ActionRequest job(OperationInput outer) {
        return action(outer, "Job", input -> {
            Job job = input.bodyAs(Job.class,
                    body -> listBody(body, () -> new Job().title(input.string(Parameter.TITLE)),
                            Job::assignedTo));
            Validate.required("title", job.getTitle(), "in the body, or " + Parameter.TITLE.hint());
            Validate.notEmpty("assignedTo", job.getAssignedTo());
            Validate.phoneNumbers("assignedTo", job.getAssignedTo(), Integer.MAX_VALUE);
            job.setDueDate(positive("dueDate", job.getDueDate(), 24));
            return job;
        });
    }

    /** actions/poll: a list of choices, with the question from the title option or header. */
    public static ActionRequest poll(OperationInput outer) {
        return action(outer, "Poll", input -> {
            Poll poll = input.bodyAs(Poll.class, body -> {
                List<String> choices = body instanceof Collection || body instanceof String[]
                        ? OperationInput.toList(body) : null;
                return choices == null ? null : new Poll().question(input.string(Parameter.TITLE))
                        .choices(choices.stream().map(title -> new Choice().title(title)).toList());
            });
            Validate.required("question", poll.getQuestion(), "in the body, or " + Parameter.TITLE.hint());
            Validate.notEmpty("choices", poll.getChoices());
            for (int i = 0; i < poll.getChoices().size(); i++) {
                Choice choice = poll.getChoices().get(i);
                Validate.required("choices[" + i + "].title", choice == null ? null : choice.getTitle(), null);
            }
            poll.setExpiryInHours(positive("expiryInHours", poll.getExpiryInHours(), 720));
            return poll;
        });
    }

    /** actions/letsMeet: the duration goes out as both DurationInMins and duration (reference §14 D36). */
    public static ActionRequest letsMeet(OperationInput outer) {
        return action(outer, "LetsMeet", input -> {
            LetsMeet meeting = input.bodyAs(LetsMeet.class);
            Validate.required("title", meeting.getTitle(), null);
            Validate.required("startingTime", meeting.getStartingTime(), "ISO-8601, e.g. 2026-05-21T04:30:00Z");
            try {
                OffsetDateTime.parse(meeting.getStartingTime());
            } catch (DateTimeParseException e) {
                throw new KaizalaValidationException("startingTime",
                        "an ISO-8601 date and time with its offset, e.g. 2026-05-21T04:30:00Z; got '"
                                + meeting.getStartingTime() + "'");
            }
            int minutes = positive("durationInMins",
                    meeting.getDurationInMins() != null ? meeting.getDurationInMins() : meeting.getDuration(), 30);
            meeting.setDurationInMins(minutes);
            meeting.setDuration(minutes);
            return meeting;
        });
    }

    /**
     * actions/announcement: a String body is the text, with the title option or header. The title is optional: the
     * articles call it required, but the vendor's own request collection (swagger's two announcement samples) posts
     * announcements without one.
     */
    public static ActionRequest announcement(OperationInput outer) {
        return action(outer, "Announcement", input -> {
            Announcement announcement = input.bodyAs(Announcement.class,
                    body -> body instanceof String text
                            ? new Announcement().title(input.string(Parameter.TITLE)).message(text) : null);
            Validate.required("message", announcement.getMessage(), null);
            return announcement;
        });
    }

    /**
     * actions/custom: the body is the action body, free-form, with the package id from the options; or the documented
     * request, {@code {"id": package, "actionBody": …}}.
     */
    public static ActionRequest customAction(OperationInput input) {
        return action(input, null, RequestBodies::freeForm);
    }

    /**
     * media/send's attachment action (reference §8.2), checked before anything is sent. The body is the documented
     * request ({@code {"actionType": "Image", "actionBody": {"mediaResource": …, "caption": …}}}), a
     * {@link MediaAttachment} (or a Map or JSON object of one), a {@code mediaResource} string, or the file to upload
     * ({@code uploadedType} then is its attachment type and the handle comes from the upload).
     */
    public static MediaAction mediaAction(OperationInput input, String uploadedType) {
        ActionRequest given = documented(input, ActionRequest.class, MEDIA_ACTION_TYPES);
        OperationInput body = given == null ? input : input.withBody(given.getActionBody());
        MediaAttachment attachment;
        if (uploadedType != null) {
            attachment = new MediaAttachment();
        } else if (body.objectTree() != null) {
            attachment = body.bodyAs(MediaAttachment.class);
            Validate.required("mediaResource", attachment.getMediaResource(), "the handle media/upload returned");
        } else {
            String handle = body.body() == null ? input.string(Parameter.MEDIA_RESOURCE) : body.text().trim();
            attachment = new MediaAttachment().mediaResource(Validate.required("mediaResource", handle,
                    "the handle media/upload returned, as the body or the CamelKaizalaMediaResource header; or a file to upload"));
        }
        if (attachment.getCaption() == null) {
            attachment.setCaption(input.string(Parameter.CAPTION));
        }
        String type = given != null && given.getActionType() != null ? given.getActionType()
                : input.string(Parameter.ACTION_TYPE);
        type = Validate.oneOf("actionType", type != null ? type : uploadedType != null ? uploadedType : "Image",
                MEDIA_ACTION_TYPES);
        Audience audience = audience(input, given == null ? null : given.getSubscribers(),
                given == null ? null : given.getSendToAllSubscribers());
        return new MediaAction(type, attachment, audience);
    }

    /** Whether media/send's body is the file to upload (anything but an attachment or a mediaResource handle). */
    public static boolean isMediaFile(OperationInput input) {
        Object body = input.body();
        return body != null && !(body instanceof String) && input.objectTree() == null;
    }

    /** A checked attachment action; its {@code mediaResource} is known now or once the upload answered. */
    public record MediaAction(String actionType, MediaAttachment attachment, Audience audience) {

        /** The given handle, or null while the file is still to be uploaded. */
        public String mediaResource() {
            return attachment.getMediaResource();
        }

        public ActionRequest request(String mediaResource) {
            return new ActionRequest().actionType(actionType)
                    .actionBody(new MediaAttachment().mediaResource(mediaResource).caption(attachment.getCaption()))
                    .subscribers(audience.subscribers()).sendToAllSubscribers(audience.sendToAll());
        }
    }

    /**
     * An action in its envelope (reference §9.4). The body is either the action body alone (the flattened model, with
     * the envelope's fields from headers and options) or the whole documented request,
     * {@code {"actionType"|"id": …, "actionBody": {…}, "subscribers": …}}; either way {@code actionBody} reads and
     * validates the action body. {@code actionType} is null for a custom action (identified by its package id).
     */
    private static ActionRequest action(OperationInput input, String actionType,
            Function<OperationInput, Object> actionBody) {
        ActionRequest given = documented(input, ActionRequest.class, kinds(actionType));
        String packageId = packageId(actionType, given == null ? null : given.getId(), input);
        Object content = actionBody.apply(given == null ? input : input.withBody(given.getActionBody()));
        Audience audience = audience(input, given == null ? null : given.getSubscribers(),
                given == null ? null : given.getSendToAllSubscribers());
        return new ActionRequest().actionType(actionType).id(packageId).actionBody(content)
                .subscribers(audience.subscribers()).sendToAllSubscribers(audience.sendToAll());
    }

    private static List<String> kinds(String actionType) {
        return actionType == null ? List.of() : List.of(actionType);
    }

    /**
     * The body as the documented envelope ({@code actionBody} beside {@code actionType} or a package {@code id}), or
     * null when the body is not one. {@code kinds} are the action types this operation sends; none for a custom
     * action, which names its package {@code id} instead.
     */
    static <T> T documented(OperationInput input, Class<T> envelope, List<String> kinds) {
        JsonNode tree = input.objectTree();
        JsonNode actionBody = KaizalaJson.field(tree, "actionBody");
        if (actionBody == null) {
            return null;
        }
        if (!actionBody.isObject()) {
            throw new KaizalaValidationException("actionBody",
                    "a JSON object with the action's fields; got " + actionBody);
        }
        String givenType = textField(tree, "actionType");
        if (kinds.isEmpty() && givenType != null) {
            throw new KaizalaValidationException("actionType", "'" + givenType + "' is a built-in action type: a custom"
                    + " action names its package id (\"id\") instead; for a built-in type use its own operation, e.g."
                    + " kaizala:actions/" + lowerFirst(givenType));
        }
        if (givenType != null && kinds.stream().noneMatch(givenType::equalsIgnoreCase)) {
            throw new KaizalaValidationException("actionType", "'" + givenType + "' is not what this operation sends ("
                    + String.join(", ", kinds) + "); use the operation of that type, e.g. kaizala:actions/"
                    + lowerFirst(givenType));
        }
        if (!kinds.isEmpty() && textField(tree, "id") != null) {
            throw new KaizalaValidationException("id",
                    "a package id belongs to a custom action (kaizala:actions/custom or"
                            + " kaizala:responses/custom), not to a " + String.join("/", kinds));
        }
        try {
            return KaizalaJson.MAPPER.convertValue(tree, envelope);
        } catch (IllegalArgumentException e) {
            throw new KaizalaValidationException("body",
                    "does not read as the documented request: " + Text.firstLine(e.getMessage()));
        }
    }

    private static String textField(JsonNode tree, String name) {
        JsonNode value = KaizalaJson.field(tree, name);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static String lowerFirst(String type) {
        return type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    /** A custom action's or response's package id: the envelope's, else the option or header; none for a built-in type. */
    private static String packageId(String actionType, String givenId, OperationInput input) {
        return actionType != null ? null
                : packageId(givenId != null ? givenId : input.string(Parameter.ACTION_PACKAGE_ID));
    }

    private static String packageId(String id) {
        Validate.required("actionPackageId", id, Parameter.ACTION_PACKAGE_ID.hint());
        Validate.maxLength("actionPackageId", id, MAX_PACKAGE_ID);
        return id;
    }

    // ---- responses

    /** responses/survey: a list body is the answers, one per question, in order. */
    public static ResponseRequest surveyResponse(OperationInput input) {
        return response(input, "Survey", RequestBodies::answers);
    }

    public static ResponseRequest customResponse(OperationInput input) {
        return response(input, null, RequestBodies::answers);
    }

    /** responses/job: the body is whether the job is complete (no body: complete). */
    public static ResponseRequest jobResponse(OperationInput input) {
        return response(input, "Job", body -> {
            JobCompletion completion = body.body() == null
                    ? new JobCompletion().isCompleted(true)
                    : body.bodyAs(JobCompletion.class,
                            b -> new JobCompletion().isCompleted(Text.bool("isCompleted", body.text(), null)));
            Validate.notNull("isCompleted", completion.getIsCompleted());
            return completion;
        });
    }

    private static SurveyAnswers answers(OperationInput input) {
        SurveyAnswers answers = input.bodyAs(SurveyAnswers.class, body -> body instanceof Collection<?> list
                ? new SurveyAnswers().answers(new ArrayList<>(list)) : null);
        Validate.notEmpty("answers", answers.getAnswers());
        if (answers.getResponseLocation() != null) {
            Validate.notNull("responseLocation.latitude", answers.getResponseLocation().getLatitude());
            Validate.notNull("responseLocation.longitude", answers.getResponseLocation().getLongitude());
            Validate.notNull("responseLocation.name", answers.getResponseLocation().getName());
        }
        return answers;
    }

    /** A response in its envelope (reference §10.1): the response body alone, or the whole documented request. */
    private static ResponseRequest response(OperationInput input, String actionType,
            Function<OperationInput, Object> actionBody) {
        ResponseRequest given = documented(input, ResponseRequest.class, kinds(actionType));
        String packageId = packageId(actionType, given == null ? null : given.getId(), input);
        String responseId = given != null && given.getResponseId() != null ? given.getResponseId()
                : input.string(Parameter.RESPONSE_ID);
        Object content = actionBody.apply(given == null ? input : input.withBody(given.getActionBody()));
        return new ResponseRequest().actionType(actionType).id(packageId).responseId(responseId).actionBody(content);
    }

    // ---- reactions

    /** reactions/add: a String body is a comment; no body is a like. */
    public static ReactionRequest reaction(OperationInput input) {
        Object body = input.body();
        ReactionRequest request = body == null
                ? new ReactionRequest()
                : input.bodyAs(ReactionRequest.class,
                        b -> new ReactionRequest().reactionType("Comment").comment(input.text()));
        if (request.getReferenceId() == null) {
            request.setReferenceId(input.required(Parameter.REFERENCE_ID));
        }
        if (request.getSourceGroupId() == null) {
            request.setSourceGroupId(input.required(Parameter.SOURCE_GROUP_ID));
        }
        if (request.getReactionType() == null) {
            request.setReactionType(input.string(Parameter.REACTION_TYPE));
        }
        request.setReactionType(Validate.oneOf("reactionType",
                request.getReactionType() == null ? "Like" : request.getReactionType(), REACTION_TYPES));
        if ("Comment".equals(request.getReactionType())) {
            Validate.required("comment", request.getComment(), "a Comment needs its text (the body)");
        } else {
            request.setComment(null);
        }
        return request;
    }

    // ---- webhooks

    /** webhooks/subscribe: objectId (default groupId), objectType (default Group), eventTypes (default all 13). */
    public static WebhookRequest subscribeWebhook(OperationInput input) {
        WebhookRequest request = input.bodyAs(WebhookRequest.class);
        if (request.getObjectId() == null) {
            request.setObjectId(input.required(Parameter.OBJECT_ID));
        }
        if (request.getObjectType() == null) {
            request.setObjectType(input.string(Parameter.OBJECT_TYPE));
        }
        request.setObjectType(
                Validate.oneOf("objectType", request.getObjectType() == null ? "Group" : request.getObjectType(),
                        OBJECT_TYPES));
        if (request.getEventTypes() == null || request.getEventTypes().isEmpty()) {
            request.setEventTypes(KaizalaEvent.Type.documentedNames());
        }
        validateWebhook(request);
        Validate.required("callBackUrl", request.getCallBackUrl(), "the HTTPS URL Kaizala posts events to");
        return request;
    }

    /** webhooks/update: the fields to change; a boolean body sets Active. */
    public static WebhookRequest updateWebhook(OperationInput input) {
        WebhookRequest request = input.bodyAs(WebhookRequest.class,
                body -> body instanceof Boolean || "true".equals(body)
                        || "false".equals(body) ? new WebhookRequest().active(Text.bool("Active", input.text(), null))
                                : null);
        if (request.getObjectType() != null) {
            request.setObjectType(Validate.oneOf("objectType", request.getObjectType(), OBJECT_TYPES));
        }
        validateWebhook(request);
        return request;
    }

    private static void validateWebhook(WebhookRequest request) {
        if (request.getEventTypes() != null) {
            List<String> types = new ArrayList<>();
            for (int i = 0; i < request.getEventTypes().size(); i++) {
                types.add(Validate.oneOf("eventTypes[" + i + "]", request.getEventTypes().get(i),
                        KaizalaEvent.Type.names()));
            }
            request.setEventTypes(types);
        }
        if (request.getCallBackUrl() != null) {
            Validate.httpUrl("callBackUrl", request.getCallBackUrl());
        }
    }

    // ---- shared

    record Audience(List<String> subscribers, Boolean sendToAll) {}

    /** Public groups: who receives a message or action; the body's values win over headers and options. */
    private static Audience audience(OperationInput input, List<String> subscribers, Boolean sendToAll) {
        List<String> who = subscribers != null ? subscribers : input.list(Parameter.SUBSCRIBERS);
        Boolean all = sendToAll != null ? sendToAll : input.bool(Parameter.SEND_TO_ALL_SUBSCRIBERS);
        Validate.phoneNumbers("subscribers", who, Integer.MAX_VALUE);
        if (Boolean.TRUE.equals(all) && who != null && !who.isEmpty()) {
            throw new KaizalaValidationException("sendToAllSubscribers",
                    "cannot be true together with a subscribers list: either everyone or the listed subscribers");
        }
        boolean targeted = who != null && !who.isEmpty();
        // reference §7.1: with a subscriber list, say explicitly that it is not a broadcast
        return new Audience(targeted ? who : null, all == null && targeted ? Boolean.FALSE : all);
    }

    private static Map<String, Object> freeForm(OperationInput input) {
        Object body = input.body();
        if (body == null) {
            throw new KaizalaValidationException("body",
                    "required: the action body, as a Map, a JSON object or a model");
        }
        try {
            if (body instanceof String || body instanceof byte[] || body instanceof java.io.InputStream) {
                return KaizalaJson.MAPPER.readValue(input.text(), KaizalaJson.MAP);
            }
            return KaizalaJson.MAPPER.convertValue(body, KaizalaJson.MAP);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new KaizalaValidationException("body",
                    "must be a JSON object, a Map or a model: " + Text.firstLine(e.getMessage()));
        }
    }

    private static <T> T listBody(Object body, java.util.function.Supplier<T> create,
            java.util.function.BiFunction<T, List<String>, T> set) {
        if (body instanceof Collection || body instanceof String[] || body instanceof String) {
            return set.apply(create.get(), OperationInput.toList(body));
        }
        return null;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static Boolean orFalse(Boolean value) {
        return value == null ? Boolean.FALSE : value;
    }

    private static int positive(String field, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw new KaizalaValidationException(field, "a positive number of hours or minutes, got " + value);
        }
        return value;
    }
}
