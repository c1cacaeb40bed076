package org.apache.camel.component.kaizala.internal.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token and resource base of one connector. Caches the token until shortly before its expiry, fetches a
 * new one with a single request however many exchanges ask at once, keeps a rotated refresh token through the
 * {@link KaizalaTokenStore}, and tracks the resource base: an explicit {@code endpointUrl} wins over the token
 * service's answer, and a 308 replaces whichever is current.
 */
public final class TokenManager {

    static final String OPERATION = "auth/accessToken";
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    private static final long MAX_EARLY_REFRESH_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private record AccessToken(String value, long refreshAtMillis, AccessTokenResponse answer) {

        boolean usable() {
            return System.currentTimeMillis() < refreshAtMillis;
        }
    }

    private final HttpTransport http;
    private final HttpTransport.Limits limits;
    private final String authUrl;
    private final String applicationId;
    private final String applicationSecret;
    private final String fixedAccessToken;
    private final boolean explicitBase;
    private final KaizalaTokenStore store;
    private final String storeKey;
    private final String missingCredentials;

    private volatile AccessToken current;
    private volatile String lastFailure;
    private volatile long lastFetchMillis;
    private volatile String base;
    private volatile String storeFailure;
    private String refreshToken;
    private String unstoredRefreshToken;
    private CompletableFuture<AccessToken> inflight;

    /**
     * The token state of the connector {@code settings} names. One per connector (see {@link KaizalaClient.Settings#
     * identity()}), shared by every endpoint of it whatever its other options, so that a rotated refresh token
     * reaches them all.
     */
    public TokenManager(HttpTransport http, HttpTransport.Limits limits, KaizalaClient.Settings settings) {
        this.http = http;
        this.limits = limits;
        this.authUrl = stripTrailingSlashes(settings.authUrl());
        this.applicationId = settings.applicationId();
        this.applicationSecret = settings.applicationSecret();
        this.fixedAccessToken = settings.accessToken();
        this.explicitBase = settings.endpointUrl() != null;
        this.base = settings.endpointUrl() != null ? stripTrailingSlashes(settings.endpointUrl()) : null;
        this.store = settings.tokenStore();
        this.missingCredentials = settings.missingCredentials();
        this.storeKey = settings.refreshToken() == null ? null : storeKey(applicationId, settings.refreshToken());
        String rotated = storeKey == null ? null : store.loadRefreshToken(storeKey);
        this.refreshToken = rotated != null ? rotated : settings.refreshToken();
        if (fixedAccessToken != null) {
            current = new AccessToken(fixedAccessToken, Long.MAX_VALUE, null);
        }
    }

    /** What a health check or console may show: no token, only whether there is one and until when. */
    public record Status(boolean hasToken, long validUntilMillis, String endpointUrl, long lastFetchMillis,
            String lastFailure, boolean fixedToken, String storeFailure) {}

    Status status() {
        AccessToken token = current;
        AccessTokenResponse answer = token == null ? null : token.answer();
        long validUntil = answer != null && answer.accessTokenExpiry() != null ? answer.accessTokenExpiry()
                : token != null ? token.refreshAtMillis() : 0;
        return new Status(token != null && token.usable(), validUntil, base, lastFetchMillis, lastFailure,
                fixedAccessToken != null, storeFailure);
    }

    /** The token service's base URL, including {@code /v1}. */
    String authUrl() {
        return authUrl;
    }

    /** The current resource base (without {@code /v1}), or null before the first token answer. */
    String base() {
        return base;
    }

    /** Whether a 401 can be cured by fetching a new token (not when a fixed access token is configured). */
    boolean canRefresh() {
        return fixedAccessToken == null;
    }

    /** The cached access token while it is usable, without waiting or allocating; null when it must be fetched. */
    String usableToken() {
        AccessToken token = current;
        return missingCredentials == null && token != null && token.usable() ? token.value() : null;
    }

    /** A usable access token: the cached one, the one being fetched, or a newly fetched one. */
    CompletableFuture<String> accessToken() {
        return token().thenApply(AccessToken::value);
    }

    /** A new token from the token service now (auth/accessToken), which also becomes the cached one. */
    CompletableFuture<AccessTokenResponse> fetchNow() {
        if (!canRefresh()) {
            return CompletableFuture.failedFuture(new KaizalaException(
                    "Kaizala " + OPERATION + " needs the connector's credentials; a fixed accessToken is configured"));
        }
        synchronized (this) {
            current = null;
        }
        return token().thenApply(AccessToken::answer);
    }

    private CompletableFuture<AccessToken> token() {
        if (missingCredentials != null) {
            return CompletableFuture.failedFuture(new KaizalaException(missingCredentials));
        }
        AccessToken token = current;
        if (token != null && token.usable()) {
            return CompletableFuture.completedFuture(token);
        }
        CompletableFuture<AccessToken> fetch;
        boolean start = false;
        synchronized (this) {
            token = current;
            if (token != null && token.usable()) {
                return CompletableFuture.completedFuture(token);
            }
            if (inflight == null) {
                inflight = new CompletableFuture<>();
                start = true;
            }
            fetch = inflight;
        }
        if (start) {
            fetch(fetch);
        }
        return fetch;
    }

    /** Kaizala refused this token (401): the next {@link #accessToken()} fetches a new one, once for all callers. */
    void invalidate(String refusedToken) {
        synchronized (this) {
            if (current != null && current.value().equals(refusedToken) && canRefresh()) {
                current = null;
            }
        }
    }

    /**
     * A 308 answered a call sent to {@code from}: the connector moved to {@code to}. Only the first answer about a
     * base moves it — a late 308 for a call sent before an earlier move must not move the connector back.
     */
    void relocate(String from, String to) {
        String normalized = stripTrailingSlashes(to);
        synchronized (this) {
            if (!Objects.equals(base, from) || normalized.equals(base)) {
                return;
            }
            base = normalized;
        }
        LOG.info("Kaizala moved connector {} to {}", applicationId, normalized);
    }

    private void fetch(CompletableFuture<AccessToken> result) {
        String presented;
        synchronized (this) {
            presented = refreshToken;
        }
        storePendingRefreshToken();
        Map<String, String> headers = Map.of(
                "applicationId", applicationId,
                "applicationSecret", applicationSecret,
                "refreshToken", presented);
        LOG.debug("Fetching a Kaizala access token for connector {}", applicationId);
        CompletableFuture<SimpleHttpResponse> sent;
        try {
            sent = http.send("GET", URI.create(authUrl + "/accessToken"), headers, null, limits);
        } catch (RuntimeException e) { // must not leave the fetch in flight: every later exchange would wait on it
            sent = CompletableFuture.failedFuture(new KaizalaException(
                    "Kaizala " + OPERATION + " could not be sent to authUrl " + authUrl + ": " + e.getMessage(), e));
        }
        sent.whenComplete((response, error) -> {
            AccessToken token = null;
            Throwable failure = error;
            if (failure == null) {
                try {
                    token = accept(response, presented);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            synchronized (this) {
                inflight = null;
                if (token != null) {
                    current = token;
                }
            }
            lastFetchMillis = System.currentTimeMillis();
            lastFailure = failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(token);
            }
        });
    }

    private AccessToken accept(SimpleHttpResponse response, String presented) {
        if (!HttpTransport.isSuccess(response)) {
            throw HttpTransport.failure(OPERATION, response, hint(response.getCode()), presented, applicationSecret);
        }
        AccessTokenResponse answer = KaizalaJson.read(response.getBodyBytes(), AccessTokenResponse.class, OPERATION);
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new KaizalaException("Kaizala " + OPERATION + " answered without an accessToken");
        }
        String rotated = answer.refreshToken();
        if (rotated != null && !rotated.isBlank() && !rotated.equals(presented)) {
            synchronized (this) {
                refreshToken = rotated;
                unstoredRefreshToken = rotated;
            }
            LOG.info("Kaizala rotated the refresh token of connector {}; keeping the new one in {}", applicationId,
                    store);
            storePendingRefreshToken();
        }
        if (!explicitBase && answer.endpointUrl() != null && !answer.endpointUrl().isBlank()) {
            base = stripTrailingSlashes(answer.endpointUrl());
        }
        if (base == null) {
            throw new KaizalaException(
                    "Kaizala " + OPERATION + " answered without an endpointUrl; set the endpointUrl option");
        }
        long now = System.currentTimeMillis();
        Long expiry = answer.accessTokenExpiry();
        long refreshAt = expiry == null || expiry <= now
                ? (expiry == null ? Long.MAX_VALUE : now + 1000)
                : expiry - Math.min(MAX_EARLY_REFRESH_MILLIS, (expiry - now) / 10);
        LOG.debug("Kaizala access token for connector {} obtained; renewed after {} ms", applicationId,
                refreshAt - now);
        return new AccessToken(answer.accessToken(), refreshAt, answer);
    }

    /**
     * Writes a rotated refresh token the store has not taken yet. A failure is logged (without the token) and shown
     * by the health check; the token stays in memory and the write is tried again before every later token fetch.
     */
    private void storePendingRefreshToken() {
        String pending;
        synchronized (this) {
            pending = unstoredRefreshToken;
        }
        if (pending == null) {
            return;
        }
        try {
            store.storeRefreshToken(storeKey, pending);
            synchronized (this) {
                if (pending.equals(unstoredRefreshToken)) {
                    unstoredRefreshToken = null;
                }
            }
            if (storeFailure != null) {
                LOG.info("Kaizala token store {} took the rotated refresh token of connector {} now", store,
                        applicationId);
            }
            storeFailure = null;
        } catch (RuntimeException e) {
            storeFailure = "the rotated refresh token could not be written to " + store + " ("
                    + e.getClass().getSimpleName()
                    + "); it is kept in memory and written again before the next token fetch, but a restart"
                    + " now would present the retired one";
            LOG.error("Kaizala connector {}: {}", applicationId, storeFailure);
        }
    }

    /** What to do about a failed token request, naming the options involved. */
    private String hint(int status) {
        if (status == 404) {
            return "no token service at authUrl " + authUrl + "/accessToken. authUrl must include /v1, e.g."
                    + " authUrl=https://api.kaiza.la/v1";
        }
        if (status == 400 || status == 401 || status == 403) {
            return "Kaizala refused the connector's credentials: check the applicationId, applicationSecret and"
                    + " refreshToken options (a refresh token expires, and a rotated one replaces it: keep rotated"
                    + " tokens with a persistent tokenStore)";
        }
        return null;
    }

    static String stripTrailingSlashes(String url) {
        String s = url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Names a connector and the refresh token it was configured with, without revealing the token. */
    static String storeKey(String applicationId, String configuredRefreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(configuredRefreshToken.getBytes(StandardCharsets.UTF_8));
            return applicationId + "." + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
