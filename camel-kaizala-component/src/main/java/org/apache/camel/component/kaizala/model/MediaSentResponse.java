package org.apache.camel.component.kaizala.model;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** media/send: the posted attachment's {@code referenceId}, and the {@code mediaResource} it posted. */
public record MediaSentResponse(String referenceId, String mediaResource) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>();
        if (referenceId != null) {
            headers.put(KaizalaConstants.REFERENCE_ID, referenceId);
        }
        if (mediaResource != null) {
            headers.put(KaizalaConstants.MEDIA_RESOURCE, mediaResource);
        }
        return headers;
    }
}
