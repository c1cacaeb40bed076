package org.apache.camel.component.kaizala.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.component.kaizala.KaizalaTokenStore;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s for one connector: adds the base URL and the access token, renews the token once on a
 * 401, follows a 308 to the connector's new base (and keeps it), and turns an error answer into a
 * {@code KaizalaApiException}.
 */
public final class KaizalaClient {

    /** What identifies a connector, and how to reach it. Never printed: it holds secrets. */
    public record Settings(
            String authUrl, String endpointUrl, String applicationId, String applicationSecret, String refreshToken,
            String accessToken, KaizalaTokenStore tokenStore, long connectTimeoutMillis, long responseTimeoutMillis) {

        /** What is missing to call the resource API, as a message naming the options; null when nothing is. */
        public String missingCredentials() {
            java.util.List<String> missing = new java.util.ArrayList<>();
            if (accessToken != null) {
                if (endpointUrl == null) {
                    missing.add("endpointUrl (required with a fixed accessToken)");
                }
            } else {
                if (applicationId == null) {
                    missing.add("applicationId");
                }
                if (applicationSecret == null) {
                    missing.add("applicationSecret");
                }
                if (refreshToken == null) {
                    missing.add("refreshToken");
                }
                if (authUrl == null) {
                    missing.add("authUrl");
                }
            }
            return missing.isEmpty() ? null
                    : "Kaizala credentials are incomplete: set " + String.join(", ", missing)
                      + " on the kaizala component or endpoint (or set accessToken and endpointUrl)";
        }

        @Override
        public String toString() {
            return "Settings[authUrl=" + authUrl + ", endpointUrl=" + endpointUrl + ", applicationId=" + applicationId + "]";
        }
    }

    static final int MAX_RELOCATIONS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(KaizalaClient.class);

    private final HttpTransport http;
    private final RequestConfig requestConfig;
    private final TokenManager tokens;
    private final Settings settings;

    public KaizalaClient(HttpTransport http, Settings settings) {
        this.http = http;
        this.settings = settings;
        this.requestConfig = HttpTransport.requestConfig(settings.connectTimeoutMillis(), settings.responseTimeoutMillis());
        this.tokens = new TokenManager(http, requestConfig, settings);
    }

    /** Completes with the 2xx answer, or exceptionally with a {@code KaizalaApiException} or the transport's error. */
    public CompletableFuture<SimpleHttpResponse> call(ApiRequest request) {
        return attempt(request, 0, false);
    }

    public Settings settings() {
        return settings;
    }

    /** auth/accessToken: a new token from the token service, which also becomes the one in use. */
    public CompletableFuture<org.apache.camel.component.kaizala.model.AccessTokenResponse> fetchAccessToken() {
        return tokens.fetchNow();
    }

    /** The resource base currently in use (without {@code /v1}), or null before the first token. */
    public String currentEndpointUrl() {
        return tokens.base();
    }

    private CompletableFuture<SimpleHttpResponse> attempt(ApiRequest request, int relocations, boolean renewed) {
        if (request.tokenService()) {
            return send(request, tokens.authUrl(), Map.of()).thenCompose(response -> complete(request, response));
        }
        return tokens.accessToken().thenCompose(token -> {
            String base = tokens.base();
            Map<String, String> auth = Map.of("accessToken", token);
            return send(request, base + "/v1", auth).thenCompose(response -> {
                int status = response.getCode();
                if (status == 401 && !renewed && tokens.canRefresh()) {
                    LOG.debug("Kaizala {} answered 401: renewing the access token and sending again", request.operation());
                    tokens.invalidate(token);
                    return attempt(request, relocations, true);
                }
                if (status == 308 && relocations < MAX_RELOCATIONS) {
                    String location = newBase(response);
                    if (location != null) {
                        tokens.relocate(location);
                        return attempt(request, relocations + 1, renewed);
                    }
                }
                return complete(request, response);
            });
        });
    }

    private CompletableFuture<SimpleHttpResponse> send(ApiRequest request, String base, Map<String, String> auth) {
        Map<String, String> headers = auth;
        if (!request.headers().isEmpty()) {
            headers = new HashMap<>(request.headers());
            headers.putAll(auth);
        }
        URI uri = URI.create(base + request.path() + queryString(request.query()));
        long start = System.nanoTime();
        return http.send(request.method(), uri, headers, request.body(), requestConfig).whenComplete((response, error) -> {
            if (LOG.isDebugEnabled()) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                LOG.debug("Kaizala {} {} {} -> {} in {} ms", request.operation(), request.method(), request.path(),
                        error != null ? error.getClass().getSimpleName() : response.getCode(), millis);
            }
        });
    }

    private static CompletableFuture<SimpleHttpResponse> complete(ApiRequest request, SimpleHttpResponse response) {
        return HttpTransport.isSuccess(response)
                ? CompletableFuture.completedFuture(response)
                : CompletableFuture.failedFuture(HttpTransport.failure(request.operation(), response));
    }

    /** The new base carried by a 308's {@code Location}: the part before {@code /v1} when it is a full URL. */
    static String newBase(SimpleHttpResponse response) {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (location == null || location.getValue() == null || location.getValue().isBlank()) {
            return null;
        }
        String value = location.getValue().trim();
        int v1 = value.indexOf("/v1/");
        if (v1 < 0 && value.endsWith("/v1")) {
            v1 = value.length() - 3;
        }
        return v1 >= 0 ? value.substring(0, v1) : value;
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters: safe for a path segment or a query part. */
    public static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
