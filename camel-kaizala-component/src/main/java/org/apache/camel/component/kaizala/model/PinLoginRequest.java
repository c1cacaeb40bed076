package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Exchanges a PIN for a user refresh token of the connector (reference §2.5).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mobileNumber", "applicationId", "pin"})
public class PinLoginRequest {

    private String mobileNumber;
    private String applicationId;
    private Integer pin;

    public PinLoginRequest() {
    }

    /** the phone number the PIN was sent to */
    public String getMobileNumber() {
        return mobileNumber;
    }

    public void setMobileNumber(String mobileNumber) {
        this.mobileNumber = mobileNumber;
    }

    public PinLoginRequest mobileNumber(String mobileNumber) {
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

    public PinLoginRequest applicationId(String applicationId) {
        setApplicationId(applicationId);
        return this;
    }

    /** the one-time PIN */
    public Integer getPin() {
        return pin;
    }

    public void setPin(Integer pin) {
        this.pin = pin;
    }

    public PinLoginRequest pin(Integer pin) {
        setPin(pin);
        return this;
    }

    @Override
    public String toString() {
        return "PinLoginRequest[mobileNumber=" + mobileNumber
                + ", applicationId=" + applicationId
                + ", pin=" + (pin == null ? null : "xxxxxx") + "]";
    }
}
