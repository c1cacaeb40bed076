package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A response to a survey or custom action (reference §10.1): one answer per question, in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"responseName", "responseLocation", "Answers"})
public class SurveyAnswers {

    private String responseName;
    private Place responseLocation;
    private List<Object> answers;

    public SurveyAnswers() {
    }

    /** a label for the response */
    public String getResponseName() {
        return responseName;
    }

    public void setResponseName(String responseName) {
        this.responseName = responseName;
    }

    public SurveyAnswers responseName(String responseName) {
        setResponseName(responseName);
        return this;
    }

    /** where the response was given */
    public Place getResponseLocation() {
        return responseLocation;
    }

    public void setResponseLocation(Place responseLocation) {
        this.responseLocation = responseLocation;
    }

    public SurveyAnswers responseLocation(Place responseLocation) {
        setResponseLocation(responseLocation);
        return this;
    }

    /** the answers: a string, a list of strings, a number or a {lt, lg, n} location per question */
    @JsonProperty("Answers")
    public List<Object> getAnswers() {
        return answers;
    }

    @JsonProperty("Answers")
    public void setAnswers(List<Object> answers) {
        this.answers = answers == null ? null : new ArrayList<>(answers);
    }

    public SurveyAnswers answers(List<Object> answers) {
        setAnswers(answers);
        return this;
    }

    @Override
    public String toString() {
        return "SurveyAnswers[responseName=" + responseName
                + ", responseLocation=" + responseLocation
                + ", answers=" + answers + "]";
    }
}
