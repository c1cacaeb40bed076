package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An action posted to a group (§9): a built-in type ({@code actionType} = {@code Survey}, {@code Job},
 * {@code Poll}, {@code LetsMeet}, {@code Announcement}, {@code Image}, {@code Album}, {@code Audio},
 * {@code Document}, {@code Video}; {@code packageId} null) or a custom action ({@code packageId} = the
 * action package id; {@code actionType} null). {@code actionId} is null for plain media posts, which have
 * only a {@code referenceId}. {@code body} is the {@code actionBody} as sent (a copy); {@code recipients}
 * as for {@link Message#recipients()}; {@code responses} in arrival order, an updated response in place.
 */
public record Action(String groupId, String actionId, String referenceId, String actionType, String packageId,
        String sender, Instant sentAt, JsonNode body, List<String> subscribers,
        boolean sendToAllSubscribers, List<String> recipients, List<ActionResponse> responses) {

    public Action {
        body = body.deepCopy();
        subscribers = List.copyOf(subscribers);
        recipients = List.copyOf(recipients);
        responses = List.copyOf(responses);
    }

    /** The built-in type, or the package id of a custom action. */
    public String kind() {
        return actionType != null ? actionType : packageId;
    }

    public boolean isCustom() {
        return packageId != null;
    }

    public Optional<ActionResponse> response(String responseId) {
        return responses.stream().filter(r -> r.responseId().equals(responseId)).findFirst();
    }
}
