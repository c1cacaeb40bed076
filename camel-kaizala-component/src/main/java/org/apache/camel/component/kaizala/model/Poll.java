package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A quick poll (reference §9.7).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"question", "choices", "expiryInHours"})
public class Poll {

    private String question;
    private List<Choice> choices;
    private Integer expiryInHours;

    public Poll() {
    }

    /** the poll question */
    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public Poll question(String question) {
        setQuestion(question);
        return this;
    }

    /** the choices */
    public List<Choice> getChoices() {
        return choices;
    }

    public void setChoices(List<Choice> choices) {
        this.choices = choices == null ? null : new ArrayList<>(choices);
    }

    public Poll choices(List<Choice> choices) {
        setChoices(choices);
        return this;
    }

    /** hours until the poll closes (default 720) */
    public Integer getExpiryInHours() {
        return expiryInHours;
    }

    public void setExpiryInHours(Integer expiryInHours) {
        this.expiryInHours = expiryInHours;
    }

    public Poll expiryInHours(Integer expiryInHours) {
        setExpiryInHours(expiryInHours);
        return this;
    }

    @Override
    public String toString() {
        return "Poll[question=" + question + ", choices=" + choices + ", expiryInHours=" + expiryInHours + "]";
    }
}
