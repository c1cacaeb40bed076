package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription (§12), owned by the connector that created it ({@code applicationId}).
 * {@code objectType} is {@code Group}, {@code Action} or {@code ActionPackage}; {@code eventTypes} in their
 * canonical spelling; {@code callbackToken} and {@code context} (the {@code callBackContext}) may be null;
 * {@code validity} is the expiry instant.
 */
public record Webhook(String id, String objectId, String objectType, List<String> eventTypes, String callbackUrl,
        String callbackToken, String context, boolean active, Instant validity, String applicationId,
        Instant createdAt, Instant updatedAt) {

    public Webhook {
        eventTypes = List.copyOf(eventTypes);
    }
}
