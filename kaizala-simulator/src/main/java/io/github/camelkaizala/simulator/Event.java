package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something that happened in a group and may be delivered to webhooks (§12.1): one of the 13 event types, the
 * group it happened in, the action and package it concerns (null when none), who caused it, and the event's
 * {@code data} exactly as delivered (§12.7). {@code webhookIds} are the subscriptions it was queued for (active,
 * unexpired, matching object and event type), possibly none. The same {@code eventId} goes to every one of them.
 */
public record Event(String eventId, String eventType, String groupId, String actionId, String packageId,
        String fromUser, String fromUserId, String fromUserName, String fromUserProfilePic, JsonNode data,
        Instant at, List<String> webhookIds) {

    public Event {
        data = data.deepCopy();
        webhookIds = List.copyOf(webhookIds);
    }
}
