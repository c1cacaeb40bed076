package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A survey (reference §9.5); also the body of a custom action (§9.10).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "questions", "dueDate", "isAnonymous", "isSenderOnly", "acceptMultipleResponses",
        "properties"})
public class Survey {

    private String title;
    private List<Question> questions;
    private Integer dueDate;
    private Boolean isAnonymous;
    private Boolean isSenderOnly;
    private Boolean acceptMultipleResponses;
    private List<Property> properties;

    public Survey() {
    }

    /** the survey title */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Survey title(String title) {
        setTitle(title);
        return this;
    }

    /** the questions, in order (answers are matched by index) */
    public List<Question> getQuestions() {
        return questions;
    }

    public void setQuestions(List<Question> questions) {
        this.questions = questions == null ? null : new ArrayList<>(questions);
    }

    public Survey questions(List<Question> questions) {
        setQuestions(questions);
        return this;
    }

    /** hours until the survey closes (default 24) */
    public Integer getDueDate() {
        return dueDate;
    }

    public void setDueDate(Integer dueDate) {
        this.dueDate = dueDate;
    }

    public Survey dueDate(Integer dueDate) {
        setDueDate(dueDate);
        return this;
    }

    /** anonymous responses (default false) */
    public Boolean getIsAnonymous() {
        return isAnonymous;
    }

    public void setIsAnonymous(Boolean isAnonymous) {
        this.isAnonymous = isAnonymous;
    }

    public Survey isAnonymous(Boolean isAnonymous) {
        setIsAnonymous(isAnonymous);
        return this;
    }

    /** only the sender sees the summary (default false) */
    public Boolean getIsSenderOnly() {
        return isSenderOnly;
    }

    public void setIsSenderOnly(Boolean isSenderOnly) {
        this.isSenderOnly = isSenderOnly;
    }

    public Survey isSenderOnly(Boolean isSenderOnly) {
        setIsSenderOnly(isSenderOnly);
        return this;
    }

    /** one person may respond several times (default false) */
    public Boolean getAcceptMultipleResponses() {
        return acceptMultipleResponses;
    }

    public void setAcceptMultipleResponses(Boolean acceptMultipleResponses) {
        this.acceptMultipleResponses = acceptMultipleResponses;
    }

    public Survey acceptMultipleResponses(Boolean acceptMultipleResponses) {
        setAcceptMultipleResponses(acceptMultipleResponses);
        return this;
    }

    /** custom action packages only: form properties */
    public List<Property> getProperties() {
        return properties;
    }

    public void setProperties(List<Property> properties) {
        this.properties = properties == null ? null : new ArrayList<>(properties);
    }

    public Survey properties(List<Property> properties) {
        setProperties(properties);
        return this;
    }

    @Override
    public String toString() {
        return "Survey[title=" + title
                + ", questions=" + questions
                + ", dueDate=" + dueDate
                + ", isAnonymous=" + isAnonymous
                + ", isSenderOnly=" + isSenderOnly
                + ", acceptMultipleResponses=" + acceptMultipleResponses
                + ", properties=" + properties + "]";
    }
}
