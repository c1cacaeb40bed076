package org.apache.camel.component.kaizala.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** JobResponse: an assignee updated a job. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobResponseData(String actionId, String groupId, String responseId, Details responseDetails)
        implements
            EventData {

    /** Whether the assignee marked the job complete. */
    public boolean completed() {
        return responseDetails != null && responseDetails.response() != null
                && Boolean.TRUE.equals(responseDetails.response().isCompleted());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Details(Assignee response) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignee(String assignee, String assigneeName, String assigneeProfilePic, Boolean isCompleted) {}
}
