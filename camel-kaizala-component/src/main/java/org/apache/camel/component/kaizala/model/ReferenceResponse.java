package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** The answer of an operation that posts something to a group: the {@code referenceId} of what was posted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceResponse(String referenceId) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return referenceId == null ? Map.of() : Map.of(KaizalaConstants.REFERENCE_ID, referenceId);
    }
}
