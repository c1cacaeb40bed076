package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A text message posted to a group; {@code sender} is the mobile number of the token's user.
 * {@code subscribers} and {@code sendToAllSubscribers} are as sent; {@code recipients} are the subscribers
 * of a public group who received it (all of them for {@code sendToAllSubscribers}, else those listed),
 * empty for a post to the group's members.
 */
public record Message(String referenceId, String text, String sender, List<String> subscribers,
        boolean sendToAllSubscribers, Instant sentAt, List<String> recipients) {

    public Message {
        subscribers = List.copyOf(subscribers);
        recipients = List.copyOf(recipients);
    }
}
