package org.apache.camel.component.kaizala.api;

/**
 * Keeps the refresh token Kaizala rotated (it sends a new one once 90 % of the old one's life has passed, and the old
 * one stops working). Keys name a connector and the refresh token it was configured with; values are secrets, so an
 * implementation must never log them.
 */
public interface KaizalaTokenStore {

    /** The refresh token stored under this key, or null. */
    String loadRefreshToken(String key);

    /**
     * Stores the refresh token that replaces the one configured; called once per rotation, and again before each later
     * token fetch while the last call threw. A failure is logged (without the token) and shown by the health check.
     */
    void storeRefreshToken(String key, String refreshToken);
}
