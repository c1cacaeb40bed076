package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.kaizala.model.Option;

/**
 * A question of a survey or custom action, with its answer when the event is a response. The answer's shape follows
 * the question type: text, a list of option titles, a number, a {@code {lt, lg, n}} location, epoch milliseconds, a
 * list of files — so it is kept as JSON.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnsweredQuestion(String title, String type, List<Option> options, JsonNode answer, Boolean isInvisible) {

    /**
     * The answer as text: the string itself, the choices joined with ", " (a single choice arrives as a one-element
     * list), a number, or the JSON of anything else (a location, files); null when unanswered.
     */
    public String answerText() {
        if (answer == null || answer.isNull()) {
            return null;
        }
        if (answer.isArray() && answer.size() > 0 && answer.get(0).isValueNode()) {
            List<String> values = new java.util.ArrayList<>();
            answer.forEach(value -> values.add(value.asText()));
            return String.join(", ", values);
        }
        return answer.isValueNode() ? answer.asText() : answer.toString();
    }
}
