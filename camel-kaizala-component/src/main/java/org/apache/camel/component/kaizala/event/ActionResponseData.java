package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * SurveyResponse and ActionResponse: who answered what. {@code actionPackageId}/{@code packageId} are set for custom
 * actions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionResponseData(
        String actionId, String groupId, String responseId, Boolean isUpdateResponse, String responder,
        String responderName, String responderProfilePic, Boolean isAnonymous, ResponseDetails responseDetails,
        String actionPackageId, String packageId) implements EventData {

    /** The answered questions, in order, without the invisible ones Kaizala adds (such as ResponseTime). */
    public List<AnsweredQuestion> answers() {
        if (responseDetails == null || responseDetails.responseWithQuestions() == null) {
            return List.of();
        }
        return responseDetails.responseWithQuestions().stream().filter(q -> !Boolean.TRUE.equals(q.isInvisible()))
                .toList();
    }
}
