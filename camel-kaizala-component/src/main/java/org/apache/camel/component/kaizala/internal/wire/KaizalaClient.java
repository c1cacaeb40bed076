package org.apache.camel.component.kaizala.internal.wire;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.api.KaizalaRateLimiter;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.util.DeadlineTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s for one connector. Paces calls under the connector's rate limit, adds the base URL and
 * the access token, renews the token once on a 401, follows a 308 to the connector's new base (and keeps it),
 * retries what {@link RetryPolicy} says is safe, and turns an error answer into a {@code KaizalaApiException}.
 */
public final class KaizalaClient {

    /** What identifies a connector, and how to reach it. Never printed: it holds secrets. */
    public record Settings(
            String authUrl, String endpointUrl, String applicationId, String applicationSecret, String refreshToken,
            String accessToken, KaizalaTokenStore tokenStore, long connectTimeoutMillis, long responseTimeoutMillis,
            long requestTimeoutMillis, long maxResponseSize, List<String> redirectAllowedHosts,
            RetryPolicy retryPolicy) {

        /**
         * Which connector's token state these settings use: the token service, the application and the refresh token
         * it was configured with (or the fixed access token and its endpointUrl). Every other option may differ
         * between endpoints of one connector; they all share its token state.
         */
        public Identity identity() {
            return accessToken != null
                    ? new Identity(null, null, null, accessToken, endpointUrl)
                    : new Identity(authUrl == null ? null : TokenManager.stripTrailingSlashes(authUrl), applicationId,
                            refreshToken, null, null);
        }

        /** The options shared by the token state: must be the same on every endpoint of one connector. */
        List<Object> tokenOptions() {
            return java.util.Arrays.asList(applicationSecret, endpointUrl, tokenStore);
        }

        /** What is wrong with authUrl and endpointUrl, as a message naming the option; null when both are usable. */
        public String invalidUrls() {
            String problem = accessToken == null ? invalidUrl("authUrl", authUrl) : null;
            return problem != null ? problem : invalidUrl("endpointUrl", endpointUrl);
        }

        private static String invalidUrl(String option, String url) {
            if (url == null) {
                return null;
            }
            try {
                URI uri = new URI(url.trim());
                if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null) {
                    return null;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            return "The kaizala option " + option + " is not an absolute http(s) URL: '" + url + "'. Example: "
                    + ("authUrl".equals(option) ? "https://api.kaiza.la/v1" : "https://kms-in.kaiza.la");
        }

        HttpTransport.Limits limits() {
            return HttpTransport.Limits.of(connectTimeoutMillis, responseTimeoutMillis, requestTimeoutMillis,
                    maxResponseSize);
        }

        /** What is missing to call the resource API, as a message naming the options; null when nothing is. */
        public String missingCredentials() {
            List<String> missing = new ArrayList<>();
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

        /** Which connector, for rate limiting: the same id (or fixed token) shares one limit. Not printable. */
        public String connectorKey() {
            return accessToken != null ? "token:" + TokenManager.storeKey("fixed", accessToken)
                    : authUrl + "|" + applicationId;
        }

        @Override
        public String toString() {
            return "Settings[authUrl=" + authUrl + ", endpointUrl=" + endpointUrl + ", applicationId=" + applicationId
                    + "]";
        }
    }

    /** A connector's identity (see {@link Settings#identity()}). Never printed: it holds secrets. */
    public record Identity(String authUrl, String applicationId, String refreshToken, String accessToken,
            String fixedEndpointUrl) {

        @Override
        public String toString() {
            return "Identity[authUrl=" + authUrl + ", applicationId=" + applicationId + "]";
        }
    }

    static final int MAX_RELOCATIONS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(KaizalaClient.class);

    private final HttpTransport http;
    private final HttpTransport.Limits limits;
    private final TokenManager tokens;
    private final Settings settings;
    private final RateLimiter rateLimiter;
    private final KaizalaRateLimiter sharedRateLimiter;
    private final Waits waits;

    /**
     * @param tokens            the connector's token state, shared with its other clients
     * @param rateLimiter       the connector's limit, shared with its other clients; null for none
     * @param sharedRateLimiter the limits shared with other instances, asked after rateLimiter; null for none
     * @param waits             runs the waits (back-off, {@code Retry-After}) without holding a thread
     */
    public KaizalaClient(HttpTransport http, Settings settings, TokenManager tokens, RateLimiter rateLimiter,
            KaizalaRateLimiter sharedRateLimiter, Waits waits) {
        this.http = http;
        this.settings = settings;
        this.limits = settings.limits();
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.sharedRateLimiter = sharedRateLimiter;
        this.waits = waits;
    }

    /** The token state of a connector, for {@link #KaizalaClient}: one per {@link Settings#identity()}. */
    public static TokenManager tokenState(HttpTransport http, Settings settings) {
        return new TokenManager(http, settings.limits(), settings);
    }

    /**
     * Refuses settings that would give one connector's token state two values of an option it holds (applicationSecret,
     * endpointUrl, tokenStore): {@code first} created the state, {@code other} is another endpoint of the connector.
     */
    public static void checkSameTokenOptions(Settings first, Settings other) {
        String[] names = {"applicationSecret", "endpointUrl", "tokenStore"};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(first.tokenOptions().get(i), other.tokenOptions().get(i))) {
                throw new IllegalArgumentException("Two kaizala endpoints of connector " + first.applicationId()
                        + " set different values of " + names[i] + "; a connector has one"
                        + " token state, so set " + names[i] + " once (on the component)");
            }
        }
    }

    /** Completes with the 2xx answer, or exceptionally with a {@code KaizalaApiException} or the transport's error. */
    public CompletableFuture<SimpleHttpResponse> call(ApiRequest request) {
        return call(request, Function.identity());
    }

    /**
     * {@link #call(ApiRequest)}, the 2xx answer read by {@code answer} on the thread that received it (a reader that
     * throws fails the call).
     */
    public <T> CompletableFuture<T> call(ApiRequest request, Function<SimpleHttpResponse, T> answer) {
        Outcome<T> outcome = new Outcome<>(request, answer);
        attempt(outcome);
        return outcome;
    }

    public Settings settings() {
        return settings;
    }

    /** auth/accessToken: a new token from the token service, which also becomes the one in use. */
    public CompletableFuture<AccessTokenResponse> fetchAccessToken() {
        return tokens.fetchNow();
    }

    /** The resource base currently in use (without {@code /v1}), or null before the first token. */
    public String currentEndpointUrl() {
        return tokens.base();
    }

    /** The connector's token state, without the token. */
    public TokenManager.Status tokenStatus() {
        return tokens.status();
    }

    /** A usable access token, fetched if needed; completes exceptionally when none can be had. */
    public CompletableFuture<Void> ensureToken() {
        return tokens.accessToken().thenApply(token -> null);
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * One call: its result (this future), where it stands (how often it moved, renewed its token, was retried) and
     * what its attempt in flight was sent with; it also hears that attempt's answer. Attempts follow each other, never
     * overlap.
     */
    private final class Outcome<T> extends CompletableFuture<T> implements BiConsumer<SimpleHttpResponse, Throwable> {

        final ApiRequest request;
        private final Function<SimpleHttpResponse, T> answer;
        int relocations;
        boolean renewed;
        int retries;
        /** The token and the base the attempt in flight went out with (null for the token service). */
        String token;
        String base;

        Outcome(ApiRequest request, Function<SimpleHttpResponse, T> answer) {
            this.request = request;
            this.answer = answer;
        }

        @Override
        public void accept(SimpleHttpResponse response, Throwable error) {
            settle(this, response, error);
        }

        void succeed(SimpleHttpResponse response) {
            T value;
            try {
                value = answer.apply(response);
            } catch (RuntimeException e) {
                completeExceptionally(e);
                return;
            }
            complete(value);
        }
    }

    private void attempt(Outcome<?> call) {
        ApiRequest request = call.request;
        if (request.tokenService()) {
            send(call, tokens.authUrl(), Map.of());
            return;
        }
        String cached = rateLimiter == null && sharedRateLimiter == null ? tokens.usableToken() : null;
        if (cached != null) { // the usual case, without a stage: a token at hand and no pacing
            call.token = cached;
            call.base = tokens.base();
            send(call, call.base, Map.of("accessToken", cached));
            return;
        }
        // the slot is taken once the token is ready, so that a token fetch does not eat into the paced window
        tokens.accessToken().thenCompose(token -> pace().thenApply(ready -> token)).whenComplete((token, error) -> {
            if (error != null) {
                settle(call, null, error);
            } else {
                call.token = token;
                call.base = tokens.base();
                send(call, call.base, Map.of("accessToken", token));
            }
        });
    }

    /** What an attempt comes to: the call's answer, a retry, a renewal, a move, or its failure. */
    private void settle(Outcome<?> call, SimpleHttpResponse response, Throwable error) {
        if (error == null && HttpTransport.isSuccess(response)) {
            call.succeed(response); // a 2xx needs no decision
            return;
        }
        try {
            if (error != null) {
                afterFailure(call, Text.unwrap(error));
            } else {
                afterAnswer(call, response);
            }
        } catch (RuntimeException e) {
            call.completeExceptionally(e);
        }
    }

    /** The per-JVM limit, then the one shared with other instances, each when set. */
    private CompletableFuture<Void> pace() {
        CompletableFuture<Void> local = rateLimiter == null ? CompletableFuture.completedFuture(null)
                : rateLimiter.acquire();
        if (sharedRateLimiter == null) {
            return local;
        }
        String connector = settings.applicationId() != null ? settings.applicationId() : settings.connectorKey();
        return local.thenCompose(ready -> sharedRateLimiter.acquire(connector).toCompletableFuture());
    }

    private void afterAnswer(Outcome<?> call, SimpleHttpResponse response) {
        ApiRequest request = call.request;
        String usedToken = call.token;
        String usedBase = call.base;
        int status = response.getCode();
        if (status == 401 && !request.tokenService() && !call.renewed && tokens.canRefresh()) {
            LOG.debug("Kaizala {} answered 401: renewing the access token and sending again", request.operation());
            tokens.invalidate(usedToken);
            call.renewed = true;
            attempt(call);
            return;
        }
        if (status == 308 && !request.tokenService() && call.relocations < MAX_RELOCATIONS) {
            String location = newBase(response);
            if (location != null) {
                String refused = refusedRelocation(usedBase, location, settings.redirectAllowedHosts());
                if (refused != null) {
                    String named = response.getFirstHeader(HttpHeaders.LOCATION).getValue().trim();
                    LOG.warn("Kaizala {}: refused to follow a 308 to {}: {}", request.operation(), named, refused);
                    call.completeExceptionally(HttpTransport.failure(request.operation(), response,
                            "refused to follow the redirect to " + named + ": " + refused + ". The connector stays at "
                                    + usedBase
                                    + "; if Kaizala really moved there, add its host to"
                                    + " redirectAllowedHosts",
                            usedToken));
                    return;
                }
                tokens.relocate(usedBase, location);
                call.relocations++;
                attempt(call);
                return;
            }
        }
        Duration retryAfter = HttpTransport.retryAfter(response);
        boolean notProcessed = status == 429 || status == 503 && retryAfter != null;
        boolean safeToRepeat = notProcessed || status >= 500 && request.idempotent();
        if (safeToRepeat && call.retries < settings.retryPolicy().maxRetries()) {
            Duration wait = retryAfter != null ? retryAfter : settings.retryPolicy().backoff(call.retries);
            if (wait.compareTo(settings.retryPolicy().maxRetryAfter()) <= 0) {
                LOG.debug("Kaizala {} answered {}: retry {} in {} ms", request.operation(), status, call.retries + 1,
                        wait.toMillis());
                retryLater(call, wait);
                return;
            }
        }
        if (HttpTransport.isSuccess(response)) {
            call.succeed(response);
            return;
        }
        String hint = status >= 500 && !notProcessed && !request.idempotent()
                ? "not retried, because Kaizala may have processed the " + request.method() + " before failing. If "
                        + request.operation()
                        + " is safe to repeat, let Camel redeliver it (onException(KaizalaApiException."
                        + "class).maximumRedeliveries(…)); otherwise check in Kaizala whether it took effect"
                : null;
        call.completeExceptionally(HttpTransport.failure(request.operation(), response, hint, usedToken));
    }

    /**
     * Why a 308 to {@code location} must not be followed from {@code currentBase}, or null when it may: only to an
     * absolute https URL (http only when the current base is http) on the current host or an allowed one — so that a
     * 308 cannot send the access token, and every later call of the connector, anywhere else.
     */
    public static String refusedRelocation(String currentBase, String location, List<String> allowedHosts) {
        URI target;
        URI current;
        try {
            target = new URI(location);
            current = new URI(currentBase);
        } catch (URISyntaxException e) {
            return "it is not a valid URL";
        }
        if (!target.isAbsolute() || target.getHost() == null) {
            return "it is not an absolute URL";
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !("http".equals(scheme) && "http".equalsIgnoreCase(current.getScheme()))) {
            return "https".equalsIgnoreCase(current.getScheme()) && "http".equals(scheme)
                    ? "it downgrades https to http" : "its scheme is not https";
        }
        if (target.getUserInfo() != null) {
            return "it carries user information";
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (host.equalsIgnoreCase(current.getHost())) {
            return null;
        }
        for (String allowed : allowedHosts) {
            String pattern = allowed.trim().toLowerCase(Locale.ROOT);
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
                return null;
            }
        }
        return "its host " + host + " is neither the current host nor in redirectAllowedHosts " + allowedHosts;
    }

    private void afterFailure(Outcome<?> call, Throwable error) {
        ApiRequest request = call.request;
        boolean retryable = !(error instanceof KaizalaException) && (notSent(error) || request.idempotent());
        if (retryable && call.retries < settings.retryPolicy().maxRetries()) {
            Duration wait = settings.retryPolicy().backoff(call.retries);
            LOG.debug("Kaizala {} failed ({}): retry {} in {} ms", request.operation(),
                    error.getClass().getSimpleName(),
                    call.retries + 1, wait.toMillis());
            retryLater(call, wait);
            return;
        }
        call.completeExceptionally(error);
    }

    private void retryLater(Outcome<?> call, Duration wait) {
        call.retries++;
        waits.after(wait.toMillis(), "retry " + call.retries + " of " + call.request.operation())
                .whenComplete((ready, error) -> {
                    if (error != null) {
                        call.completeExceptionally(error);
                    } else {
                        attempt(call);
                    }
                });
    }

    /** A failure that happened before the request reached Kaizala: repeating it cannot double an effect. */
    static boolean notSent(Throwable error) {
        return error instanceof ConnectException || error instanceof ConnectTimeoutException
                || error instanceof UnknownHostException || error instanceof RequestNotExecutedException
                || error instanceof DeadlineTimeoutException;
    }

    /** Sends one attempt of {@code call} to {@code base} (the token service, or the resource base without /v1). */
    private void send(Outcome<?> call, String base, Map<String, String> auth) {
        ApiRequest request = call.request;
        Map<String, String> headers = auth;
        if (!request.headers().isEmpty()) {
            headers = new HashMap<>(request.headers());
            headers.putAll(auth);
        }
        String path = (request.tokenService() ? "" : "/v1") + request.path() + queryString(request.query());
        if (!LOG.isDebugEnabled()) {
            http.send(request.method(), base, path, headers, request.body(), limits, call);
            return;
        }
        long start = System.nanoTime();
        http.send(request.method(), base, path, headers, request.body(), limits, (response, error) -> {
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.debug("Kaizala {} {} {} -> {} in {} ms", request.operation(), request.method(), request.path(),
                    error != null ? error.getClass().getSimpleName() : response.getCode(), millis);
            call.accept(response, error);
        });
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

    private static boolean unreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!unreserved(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986's unreserved characters. */
    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters: safe for a path segment or a query part. */
    public static String encode(String value) {
        if (unreserved(value)) {
            return value; // the usual id: nothing to encode, nothing to allocate
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (unreserved(c)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
