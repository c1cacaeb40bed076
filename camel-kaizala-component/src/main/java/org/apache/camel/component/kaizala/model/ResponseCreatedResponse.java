package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** A posted response (reference §10.1): keep {@code responseId} to update it later. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseCreatedResponse(String responseId) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return responseId == null ? Map.of() : Map.of(KaizalaConstants.RESPONSE_ID, responseId);
    }
}
