package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Exchanges a PIN for a user refresh token of the connector (reference §2.5): the phone and connector of the
 * {@link GeneratePinRequest} that sent the PIN, and the PIN.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mobileNumber", "applicationId", "pin"})
public class PinLoginRequest extends GeneratePinRequest {

    private Integer pin;

    public PinLoginRequest() {
    }

    @Override
    public PinLoginRequest mobileNumber(String mobileNumber) {
        setMobileNumber(mobileNumber);
        return this;
    }

    @Override
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
        return "PinLoginRequest[mobileNumber=" + getMobileNumber() + ", applicationId=" + getApplicationId() + ", pin="
                + (pin == null ? null : "xxxxxx") + "]";
    }
}
