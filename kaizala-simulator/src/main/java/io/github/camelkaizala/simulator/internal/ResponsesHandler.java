package io.github.camelkaizala.simulator.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.Action;
import io.github.camelkaizala.simulator.ActionResponse;

/**
 * Action responses (§10): survey answers, job completion, custom action answers, new or updating an earlier
 * one ({@code responseId}). Any member may respond. One response per person is kept for jobs and for
 * surveys and custom actions without {@code acceptMultipleResponses}: answering again replaces it.
 */
public final class ResponsesHandler {

    private static final List<String> RESPONSE_TYPES = List.of("Survey", "Job");

    private final Store state;

    public ResponsesHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("POST", "/groups/{groupId}/actions/{actionId}/responses", this::respond);
    }

    /** Answer {@code {responseId}}. */
    private Response respond(Call c) {
        Json.Fields body = Json.Fields.of(c.body());
        boolean hasType = body.either("actionType", "id");
        String type = hasType ? body.oneOf("actionType", RESPONSE_TYPES, true) : null;
        String packageId = hasType ? null : body.nonBlank("id");
        Json.Fields actionBody = body.object("actionBody", true);
        String responseId = body.text("responseId", false);

        Action a = state.action(c.param("groupId"), c.user(), c.param("actionId"));
        if (type != null && !type.equals(a.actionType())) {
            throw Json.invalid("actionType", "is " + type + " but action '" + a.actionId() + "' is a " + a.kind());
        }
        if (packageId != null && !packageId.equals(a.packageId())) {
            throw Json.invalid("id", "is '" + packageId + "' but action '" + a.actionId() + "' is a " + a.kind());
        }
        JsonNode answers = null;
        boolean onePerResponder = true;
        if ("Job".equals(type)) {
            if (actionBody.bool("isCompleted") == null) {
                throw Json.missing(actionBody.label("isCompleted"));
            }
        } else {
            answers = answers(a, actionBody);
            actionBody.text("responseName", false);
            Json.Fields location = actionBody.object("responseLocation", false);
            if (location != null) {
                location.decimal("latitude", true);
                location.decimal("longitude", true);
                location.text("name", true);
            }
            onePerResponder = !Boolean.TRUE.equals(Json.bool(a.body(), "acceptMultipleResponses"));
        }
        ActionResponse r = state.respond(c.param("groupId"), c.user(), a.actionId(), responseId, answers,
                actionBody.node(), onePerResponder);
        return Response.ok(Json.obj("responseId", r.responseId()));
    }

    /**
     * The {@code Answers} array (any capitalisation), checked loosely against the action's questions when it has
     * some: one answer per question, each of a plausible JSON shape for its question type; null = unanswered.
     */
    public static JsonNode answers(Action a, Json.Fields actionBody) {
        String label = actionBody.label("Answers");
        JsonNode answers = actionBody.raw("Answers");
        if (answers == null) {
            throw Json.missing(label);
        }
        if (!answers.isArray()) {
            throw Json.invalid(label, "must be an array with one answer per question");
        }
        JsonNode questions = Json.field(a.body(), "questions");
        if (questions == null || !questions.isArray()) {
            return answers;
        }
        if (answers.size() != questions.size()) {
            throw Json.invalid(label, "has " + answers.size() + " answers but the action has " + questions.size()
                    + " questions");
        }
        for (int i = 0; i < answers.size(); i++) {
            check(questions.get(i), answers.get(i), label + "[" + i + "]");
        }
        return answers;
    }

    private static void check(JsonNode question, JsonNode answer, String label) {
        if (answer == null || answer.isNull()) {
            return;
        }
        JsonNode typeNode = Json.field(question, "type");
        String type = typeNode == null ? "" : typeNode.asText();
        switch (type) {
            case "Text", "Image" -> require(answer.isTextual() || answer.isNumber(), label, "must be a string");
            case "Numeric" -> require(answer.isNumber() || isNumeric(answer), label, "must be a number");
            case "Date", "DateTime" -> require(answer.isNumber() || answer.isTextual(), label,
                    "must be an epoch time (a number)");
            case "Location" -> require(answer.isObject()
                    && (Json.field(answer, "lt") != null || Json.field(answer, "latitude") != null)
                    && (Json.field(answer, "lg") != null || Json.field(answer, "longitude") != null),
                    label, "must be a location object {\"lt\": …, \"lg\": …, \"n\": …}");
            case "AttachmentList" -> require(answer.isArray() || answer.isTextual(), label,
                    "must be an array of mediaResource strings");
            case "SingleOption", "MultiOption" -> {
                boolean multi = type.equals("MultiOption");
                if (answer.isArray()) {
                    require(multi || answer.size() <= 1, label, "must be one option title");
                    answer.forEach(item -> option(question, item, label));
                } else {
                    option(question, answer, label);
                }
            }
            default -> {
                // a type this simulator does not know: anything goes
            }
        }
    }

    private static void option(JsonNode question, JsonNode answer, String label) {
        require(answer.isTextual(), label, "must hold option titles (strings)");
        JsonNode options = Json.field(question, "options");
        if (options == null) {
            return;
        }
        for (JsonNode option : options) {
            JsonNode title = Json.field(option, "title");
            if (title != null && title.asText().equalsIgnoreCase(answer.textValue())) {
                return;
            }
        }
        throw Json.invalid(label, "'" + answer.textValue() + "' is not an option of question '"
                + Json.field(question, "title").asText() + "'");
    }

    private static boolean isNumeric(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        try {
            Double.parseDouble(node.textValue().trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void require(boolean ok, String label, String problem) {
        if (!ok) {
            throw Json.invalid(label, problem);
        }
    }
}
