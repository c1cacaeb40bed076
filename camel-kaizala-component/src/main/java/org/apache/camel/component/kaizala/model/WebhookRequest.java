package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A webhook subscription (reference §12.3), or the fields to change in one (§12.5).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"objectId", "objectType", "eventTypes", "callBackUrl", "callBackToken", "callBackContext",
        "validity", "Active"})
public class WebhookRequest {

    private String objectId;
    private String objectType;
    private List<String> eventTypes;
    private String callBackUrl;
    private String callBackToken;
    private String callBackContext;
    private Long validity;
    private Boolean active;

    public WebhookRequest() {
    }

    /** a group id, action id or action package id */
    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public WebhookRequest objectId(String objectId) {
        setObjectId(objectId);
        return this;
    }

    /** Group, Action or ActionPackage */
    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public WebhookRequest objectType(String objectType) {
        setObjectType(objectType);
        return this;
    }

    /** the events to deliver */
    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes == null ? null : new ArrayList<>(eventTypes);
    }

    public WebhookRequest eventTypes(List<String> eventTypes) {
        setEventTypes(eventTypes);
        return this;
    }

    /** the HTTPS URL Kaizala posts events to */
    public String getCallBackUrl() {
        return callBackUrl;
    }

    public void setCallBackUrl(String callBackUrl) {
        this.callBackUrl = callBackUrl;
    }

    public WebhookRequest callBackUrl(String callBackUrl) {
        setCallBackUrl(callBackUrl);
        return this;
    }

    /** sent back in the kz-callback-token header of every delivery (secret) */
    public String getCallBackToken() {
        return callBackToken;
    }

    public void setCallBackToken(String callBackToken) {
        this.callBackToken = callBackToken;
    }

    public WebhookRequest callBackToken(String callBackToken) {
        setCallBackToken(callBackToken);
        return this;
    }

    /** sent back as context in every payload */
    public String getCallBackContext() {
        return callBackContext;
    }

    public void setCallBackContext(String callBackContext) {
        this.callBackContext = callBackContext;
    }

    public WebhookRequest callBackContext(String callBackContext) {
        setCallBackContext(callBackContext);
        return this;
    }

    /** expiry of the subscription, epoch milliseconds */
    public Long getValidity() {
        return validity;
    }

    public void setValidity(Long validity) {
        this.validity = validity;
    }

    public WebhookRequest validity(Long validity) {
        setValidity(validity);
        return this;
    }

    /** true re-activates a disabled webhook */
    @JsonProperty("Active")
    public Boolean getActive() {
        return active;
    }

    @JsonProperty("Active")
    public void setActive(Boolean active) {
        this.active = active;
    }

    public WebhookRequest active(Boolean active) {
        setActive(active);
        return this;
    }

    @Override
    public String toString() {
        return "WebhookRequest[objectId=" + objectId
                + ", objectType=" + objectType
                + ", eventTypes=" + eventTypes
                + ", callBackUrl=" + callBackUrl
                + ", callBackToken=" + (callBackToken == null ? null : "xxxxxx")
                + ", callBackContext=" + callBackContext
                + ", validity=" + validity
                + ", active=" + active + "]";
    }
}
