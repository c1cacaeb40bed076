package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The envelope every action is posted in (reference §9.4): a built-in {@code actionType} or a custom action package {@code id}, and the type-specific {@code actionBody}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"actionType", "id", "actionBody", "subscribers", "sendToAllSubscribers"})
public class ActionRequest {

    private String actionType;
    private String id;
    private Object actionBody;
    private List<String> subscribers;
    private Boolean sendToAllSubscribers;

    public ActionRequest() {
    }

    /** a built-in type: Survey, Job, Poll, LetsMeet, Announcement, Image, Album, Audio, Document, Video */
    public String getActionType() {
        return actionType;
    }

    public void setActionType(String actionType) {
        this.actionType = actionType;
    }

    public ActionRequest actionType(String actionType) {
        setActionType(actionType);
        return this;
    }

    /** the id of a custom action package */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ActionRequest id(String id) {
        setId(id);
        return this;
    }

    /** the type-specific content */
    public Object getActionBody() {
        return actionBody;
    }

    public void setActionBody(Object actionBody) {
        this.actionBody = actionBody;
    }

    public ActionRequest actionBody(Object actionBody) {
        setActionBody(actionBody);
        return this;
    }

    /** public groups: the subscribers who receive the action */
    public List<String> getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(List<String> subscribers) {
        this.subscribers = subscribers == null ? null : new ArrayList<>(subscribers);
    }

    public ActionRequest subscribers(List<String> subscribers) {
        setSubscribers(subscribers);
        return this;
    }

    /** public groups: send to every subscriber */
    public Boolean getSendToAllSubscribers() {
        return sendToAllSubscribers;
    }

    public void setSendToAllSubscribers(Boolean sendToAllSubscribers) {
        this.sendToAllSubscribers = sendToAllSubscribers;
    }

    public ActionRequest sendToAllSubscribers(Boolean sendToAllSubscribers) {
        setSendToAllSubscribers(sendToAllSubscribers);
        return this;
    }

    @Override
    public String toString() {
        return "ActionRequest[actionType=" + actionType
                + ", id=" + id
                + ", actionBody=" + actionBody
                + ", subscribers=" + subscribers
                + ", sendToAllSubscribers=" + sendToAllSubscribers + "]";
    }
}
