package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * SurveyCreated and ActionCreated. The documentation lists {@code questions}; its own sample has the shape of a
 * response ({@code responseDetails}); both are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCreatedData(
        String actionId, String groupId, String title, List<AnsweredQuestion> questions,
        ResponseDetails responseDetails)
        implements
            EventData {}
