package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A response to a job (reference §10.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"isCompleted"})
public class JobCompletion {

    private Boolean isCompleted;

    public JobCompletion() {
    }

    /** whether the job is complete */
    public Boolean getIsCompleted() {
        return isCompleted;
    }

    public void setIsCompleted(Boolean isCompleted) {
        this.isCompleted = isCompleted;
    }

    public JobCompletion isCompleted(Boolean isCompleted) {
        setIsCompleted(isCompleted);
        return this;
    }

    @Override
    public String toString() {
        return "JobCompletion[isCompleted=" + isCompleted + "]";
    }
}
