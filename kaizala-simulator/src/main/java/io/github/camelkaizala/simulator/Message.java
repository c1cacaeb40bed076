package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.List;

/** A text message posted to a group; {@code sender} is the mobile number of the token's user. */
public record Message(String referenceId, String text, String sender, List<String> subscribers,
                      boolean sendToAllSubscribers, Instant sentAt) {

    public Message {
        subscribers = List.copyOf(subscribers);
    }
}
