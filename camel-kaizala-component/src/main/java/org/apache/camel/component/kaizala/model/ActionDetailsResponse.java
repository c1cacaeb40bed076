package org.apache.camel.component.kaizala.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An action's details (reference §9.3). The documentation and its sample disagree on the shape, so both are read:
 * {@code actionDetails} (with the responses when getDetails=true) or a list of {@code actions}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionDetailsResponse(
        String actionType, String sender, String sentAt, Map<String, Object> actionDetails, List<ActionItem> actions)
        implements
            KaizalaResponse {}
