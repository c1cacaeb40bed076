package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** A created webhook subscription (reference §12.3). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookCreatedResponse(@JsonAlias("id") String webhookId) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return webhookId == null ? Map.of() : Map.of(KaizalaConstants.WEBHOOK_ID, webhookId);
    }
}
