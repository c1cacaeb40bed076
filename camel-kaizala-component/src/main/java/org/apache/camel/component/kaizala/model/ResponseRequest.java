package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The envelope of a response to an action (reference §10.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"actionType", "id", "responseId", "actionBody"})
public class ResponseRequest {

    private String actionType;
    private String id;
    private String responseId;
    private Object actionBody;

    public ResponseRequest() {
    }

    /** Survey or Job */
    public String getActionType() {
        return actionType;
    }

    public void setActionType(String actionType) {
        this.actionType = actionType;
    }

    public ResponseRequest actionType(String actionType) {
        setActionType(actionType);
        return this;
    }

    /** a custom action package id */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ResponseRequest id(String id) {
        setId(id);
        return this;
    }

    /** an earlier response to update */
    public String getResponseId() {
        return responseId;
    }

    public void setResponseId(String responseId) {
        this.responseId = responseId;
    }

    public ResponseRequest responseId(String responseId) {
        setResponseId(responseId);
        return this;
    }

    /** the response content */
    public Object getActionBody() {
        return actionBody;
    }

    public void setActionBody(Object actionBody) {
        this.actionBody = actionBody;
    }

    public ResponseRequest actionBody(Object actionBody) {
        setActionBody(actionBody);
        return this;
    }

    @Override
    public String toString() {
        return "ResponseRequest[actionType=" + actionType
                + ", id=" + id
                + ", responseId=" + responseId
                + ", actionBody=" + actionBody + "]";
    }
}
