package org.apache.camel.component.kaizala.internal;

import java.util.List;
import java.util.Map;

import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.KaizalaConstants;
import org.apache.camel.component.kaizala.KaizalaValidationException;
import org.apache.camel.component.kaizala.model.SendMessageRequest;

/**
 * How each operation turns an exchange into its request body, and the rules that body must keep. Values in the body
 * win over headers, headers over endpoint options.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code messages/send}: a String (or anything but a Map or the model) is the text itself, never parsed as JSON. */
    public static SendMessageRequest sendMessage(OperationInput input) {
        KaizalaConfiguration configuration = input.configuration();
        Object body = input.body();
        SendMessageRequest given = body instanceof SendMessageRequest || body instanceof Map
                ? input.bodyAs(SendMessageRequest.class)
                : new SendMessageRequest(input.text());
        SendMessageRequest request = new SendMessageRequest(given.getMessage())
                .subscribers(given.getSubscribers() != null
                        ? given.getSubscribers()
                        : input.list(KaizalaConstants.SUBSCRIBERS, configuration.getSubscribers()))
                .sendToAllSubscribers(given.getSendToAllSubscribers() != null
                        ? given.getSendToAllSubscribers()
                        : input.bool(KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS, configuration.getSendToAllSubscribers(),
                                "sendToAllSubscribers"));

        Validate.required("message", request.getMessage(), "the message body is the text to send");
        Validate.maxLength("message", request.getMessage(), configuration.getMaxMessageLength());
        List<String> subscribers = request.getSubscribers();
        Validate.phoneNumbers("subscribers", subscribers, Integer.MAX_VALUE);
        if (Boolean.TRUE.equals(request.getSendToAllSubscribers()) && subscribers != null && !subscribers.isEmpty()) {
            throw new KaizalaValidationException("sendToAllSubscribers",
                    "cannot be true together with a subscribers list: either everyone or the listed subscribers");
        }
        if (subscribers != null && subscribers.isEmpty()) {
            request.setSubscribers(null);
        }
        return request;
    }
}
