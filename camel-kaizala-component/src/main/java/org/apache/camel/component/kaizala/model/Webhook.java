package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A webhook subscription as listed (reference §12.4); field names read in every spelling the sources use.
 * {@link #toString()} never prints the callback token.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(
        @JsonAlias("webhookId") String id, String objectId, String objectType,
        @JsonAlias("eventTypes") List<String> events, String callbackUrl, String callbackToken,
        @JsonAlias("context") String callbackContext, Long validity, Boolean active, Long ts) {

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", objectId=" + objectId + ", objectType=" + objectType + ", events=" + events
                + ", callbackUrl=" + callbackUrl + ", callbackToken=" + (callbackToken == null ? null : "xxxxxx")
                + ", callbackContext=" + callbackContext + ", validity=" + validity + ", active=" + active + "]";
    }
}
