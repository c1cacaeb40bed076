package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A text message for a group (reference §7.1). In a public group, {@code subscribers} restricts delivery to some
 * subscribers and {@code sendToAllSubscribers} broadcasts to all of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"message", "subscribers", "sendToAllSubscribers"})
public class SendMessageRequest {

    private String message;
    private List<String> subscribers;
    private Boolean sendToAllSubscribers;

    public SendMessageRequest() {
    }

    public SendMessageRequest(String message) {
        this.message = message;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public SendMessageRequest message(String message) {
        this.message = message;
        return this;
    }

    public List<String> getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(List<String> subscribers) {
        this.subscribers = subscribers == null ? null : new ArrayList<>(subscribers);
    }

    public SendMessageRequest subscribers(List<String> subscribers) {
        setSubscribers(subscribers);
        return this;
    }

    public Boolean getSendToAllSubscribers() {
        return sendToAllSubscribers;
    }

    public void setSendToAllSubscribers(Boolean sendToAllSubscribers) {
        this.sendToAllSubscribers = sendToAllSubscribers;
    }

    public SendMessageRequest sendToAllSubscribers(Boolean sendToAllSubscribers) {
        this.sendToAllSubscribers = sendToAllSubscribers;
        return this;
    }

    @Override
    public String toString() {
        return "SendMessageRequest[message=" + message + ", subscribers=" + subscribers
                + ", sendToAllSubscribers=" + sendToAllSubscribers + "]";
    }
}
