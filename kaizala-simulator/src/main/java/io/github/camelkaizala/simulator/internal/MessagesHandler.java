package io.github.camelkaizala.simulator.internal;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.Message;

/** Text messages (§7.1), to a group or to a public group's subscribers. */
public final class MessagesHandler {

    public static final int MAX_MESSAGE_LENGTH = 4000;

    private final Store state;

    public MessagesHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("POST", "/groups/{groupId}/messages", this::send);
    }

    private Response send(Call c) {
        JsonNode body = c.body();
        String text = Json.text(body, "message", true);
        if (text.isEmpty()) {
            throw Refusal.invalid("InvalidField", "'message' must not be empty");
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw Refusal.invalid("MessageTooLong",
                    "'message' has " + text.length() + " characters, at most " + MAX_MESSAGE_LENGTH + " are allowed");
        }
        List<String> subscribers = Json.mobileNumbers(body, "subscribers");
        Boolean toAll = Json.bool(body, "sendToAllSubscribers");
        Message m = state.addMessage(c.param("groupId"), c.user(), text, subscribers == null ? List.of() : subscribers,
                Boolean.TRUE.equals(toAll));
        return Response.ok(Json.obj("referenceId", m.referenceId()));
    }
}
