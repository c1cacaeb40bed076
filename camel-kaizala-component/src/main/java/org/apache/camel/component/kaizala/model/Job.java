package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A job assigned to people (reference §9.6).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "assignedTo", "dueDate"})
public class Job {

    private String title;
    private List<String> assignedTo;
    private Integer dueDate;

    public Job() {
    }

    /** the job title */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Job title(String title) {
        setTitle(title);
        return this;
    }

    /** phone numbers of the assignees */
    public List<String> getAssignedTo() {
        return assignedTo;
    }

    public void setAssignedTo(List<String> assignedTo) {
        this.assignedTo = assignedTo == null ? null : new ArrayList<>(assignedTo);
    }

    public Job assignedTo(List<String> assignedTo) {
        setAssignedTo(assignedTo);
        return this;
    }

    /** hours until the job is due (default 24) */
    public Integer getDueDate() {
        return dueDate;
    }

    public void setDueDate(Integer dueDate) {
        this.dueDate = dueDate;
    }

    public Job dueDate(Integer dueDate) {
        setDueDate(dueDate);
        return this;
    }

    @Override
    public String toString() {
        return "Job[title=" + title + ", assignedTo=" + assignedTo + ", dueDate=" + dueDate + "]";
    }
}
