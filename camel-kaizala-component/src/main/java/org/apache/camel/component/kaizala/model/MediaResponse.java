package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** An uploaded file's handle (reference §8.1), for media/send, poll images, announcements and answers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaResponse(String mediaResource) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return mediaResource == null ? Map.of() : Map.of(KaizalaConstants.MEDIA_RESOURCE, mediaResource);
    }
}
