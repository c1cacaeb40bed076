package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Phone numbers to add to or remove from a public group's subscribers (reference §6.2, §6.3).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"subscribers"})
public class SubscribersRequest {

    private List<String> subscribers;

    public SubscribersRequest() {
    }

    /** phone numbers, with + and country code */
    public List<String> getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(List<String> subscribers) {
        this.subscribers = subscribers == null ? null : new ArrayList<>(subscribers);
    }

    public SubscribersRequest subscribers(List<String> subscribers) {
        setSubscribers(subscribers);
        return this;
    }

    @Override
    public String toString() {
        return "SubscribersRequest[subscribers=" + subscribers + "]";
    }
}
