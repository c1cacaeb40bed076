package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Asks Kaizala to send a one-time PIN to a phone (reference §2.4). {@code applicationId} defaults to the connector's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mobileNumber", "applicationId"})
public class GeneratePinRequest {

    private String mobileNumber;
    private String applicationId;

    public GeneratePinRequest() {
    }

    /** the phone number (with + and country code) that receives the PIN */
    public String getMobileNumber() {
        return mobileNumber;
    }

    public void setMobileNumber(String mobileNumber) {
        this.mobileNumber = mobileNumber;
    }

    public GeneratePinRequest mobileNumber(String mobileNumber) {
        setMobileNumber(mobileNumber);
        return this;
    }

    /** the connector id */
    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public GeneratePinRequest applicationId(String applicationId) {
        setApplicationId(applicationId);
        return this;
    }

    @Override
    public String toString() {
        return "GeneratePinRequest[mobileNumber=" + mobileNumber + ", applicationId=" + applicationId + "]";
    }
}
