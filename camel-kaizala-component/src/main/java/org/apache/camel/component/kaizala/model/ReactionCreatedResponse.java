package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** A posted like or comment (reference §11.1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionCreatedResponse(String reactionId) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return reactionId == null ? Map.of() : Map.of(KaizalaConstants.REACTION_ID, reactionId);
    }
}
