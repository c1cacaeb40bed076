package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user refresh token obtained with a PIN (reference §2.5). {@link #toString()} never prints the token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PinLoginResponse(String refreshToken, String grantedScope,
        Long refreshTokenExpiry) implements KaizalaResponse {

    @Override
    public String toString() {
        return "PinLoginResponse[refreshToken=xxxxxx, grantedScope=" + grantedScope + ", refreshTokenExpiry="
                + refreshTokenExpiry + "]";
    }
}
