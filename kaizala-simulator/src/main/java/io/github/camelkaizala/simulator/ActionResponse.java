package io.github.camelkaizala.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.internal.Json;

/**
 * A response to a survey, job or custom action (§10). {@code responder} is the mobile number of the token's
 * user; {@code answers} the {@code Answers} array as sent (null for a job response); {@code body} the whole
 * {@code actionBody} as sent ({@code responseName}, {@code responseLocation}, {@code isCompleted} …);
 * {@code at} the time of the last submission; {@code updated} true once the response was replaced (by
 * {@code responseId}, or by a second answer where only one per person is kept).
 */
public record ActionResponse(String responseId, String responder, JsonNode answers, Instant at, JsonNode body,
        boolean updated) {

    public ActionResponse {
        answers = answers == null ? null : answers.deepCopy();
        body = body.deepCopy();
    }

    /** A job response's {@code isCompleted}; false when absent. */
    public boolean isCompleted() {
        JsonNode completed = Json.field(body, "isCompleted");
        return completed != null && (completed.asBoolean() || "true".equalsIgnoreCase(completed.asText()));
    }
}
