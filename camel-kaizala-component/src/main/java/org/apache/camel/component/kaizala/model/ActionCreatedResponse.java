package org.apache.camel.component.kaizala.model;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** A posted action (reference §9.4): {@code actionId} is absent for plain media posts. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCreatedResponse(String referenceId, String actionId) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>();
        if (referenceId != null) {
            headers.put(KaizalaConstants.REFERENCE_ID, referenceId);
        }
        if (actionId != null) {
            headers.put(KaizalaConstants.ACTION_ID, actionId);
        }
        return headers;
    }
}
