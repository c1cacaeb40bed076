package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The token service's answer (reference §2.6). {@code refreshToken} is null or empty unless Kaizala rotated it.
 * {@link #toString()} never prints a token.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessTokenResponse(
        String accessToken, String endpointUrl, Long accessTokenExpiry, String refreshToken, String scope)
        implements
            KaizalaResponse {

    @Override
    public String toString() {
        return "AccessTokenResponse[endpointUrl=" + endpointUrl + ", accessTokenExpiry=" + accessTokenExpiry
                + ", refreshTokenRotated=" + (refreshToken != null && !refreshToken.isEmpty()) + ", scope=" + scope
                + "]";
    }
}
