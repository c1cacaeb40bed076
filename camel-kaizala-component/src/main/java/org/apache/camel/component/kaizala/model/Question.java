package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A survey question (reference §9.5).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "type", "isInvisible", "options"})
public class Question {

    private String title;
    private String type;
    private Boolean isInvisible;
    private List<Option> options;

    public Question() {
    }

    /** the question text */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Question title(String title) {
        setTitle(title);
        return this;
    }

    /** SingleOption, MultiOption, Text, Image, Numeric, Date, DateTime, Location or AttachmentList */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Question type(String type) {
        setType(type);
        return this;
    }

    /** hides the question */
    public Boolean getIsInvisible() {
        return isInvisible;
    }

    public void setIsInvisible(Boolean isInvisible) {
        this.isInvisible = isInvisible;
    }

    public Question isInvisible(Boolean isInvisible) {
        setIsInvisible(isInvisible);
        return this;
    }

    /** the choices of a SingleOption or MultiOption question */
    public List<Option> getOptions() {
        return options;
    }

    public void setOptions(List<Option> options) {
        this.options = options == null ? null : new ArrayList<>(options);
    }

    public Question options(List<Option> options) {
        setOptions(options);
        return this;
    }

    @Override
    public String toString() {
        return "Question[title=" + title
                + ", type=" + type
                + ", isInvisible=" + isInvisible
                + ", options=" + options + "]";
    }
}
