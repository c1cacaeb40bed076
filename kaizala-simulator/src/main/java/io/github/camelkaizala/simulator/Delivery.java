package io.github.camelkaizala.simulator;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.internal.Json;

/**
 * One attempt to POST an event to a webhook's callback: {@code attempt} 1 for the first try, 2… for the
 * retries; {@code status} the callback's HTTP status, or -1 when it could not be reached or did not answer in
 * time; {@code duplicate} true for a deliberate second delivery ({@code duplicateRate}, {@code redeliver});
 * {@code body} the JSON envelope as sent (the same for every attempt and duplicate of an event).
 */
public record Delivery(String webhookId, String eventId, String eventType, int attempt, int status, boolean duplicate,
        Instant at, String body) {

    /** The callback answered 2xx. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** The body, parsed. */
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery body is not JSON", e);
        }
    }
}
