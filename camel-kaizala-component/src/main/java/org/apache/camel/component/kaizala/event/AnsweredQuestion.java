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

    /** The answer as text: the string itself, or the JSON of a list, number or object; null when unanswered. */
    public String answerText() {
        return answer == null || answer.isNull() ? null : answer.isTextual() ? answer.asText() : answer.toString();
    }
}
