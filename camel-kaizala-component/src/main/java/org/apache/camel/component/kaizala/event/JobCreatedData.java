package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** JobCreated: the job, its due date (ISO-8601) and the assignees' phone numbers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobCreatedData(String actionId, String groupId, String title, String dueDate, List<String> assignedTo)
        implements
            EventData {}
