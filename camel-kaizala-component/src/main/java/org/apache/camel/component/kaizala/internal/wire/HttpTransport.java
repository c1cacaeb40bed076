package org.apache.camel.component.kaizala.internal.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP wire: Apache HttpClient 5's pooled asynchronous client, shared by every endpoint of a component. No thread
 * waits while a request is in flight. Redirects and retries are not followed here: {@link KaizalaClient} decides.
 */
public final class HttpTransport implements AutoCloseable {

    private final CloseableHttpAsyncClient client;
    /**
     * How often requests in flight are checked against their requestTimeout: a request ends at most this much after
     * it, never before.
     */
    static final long DEADLINE_TICK_MILLIS = 50;
    /**
     * The requests in flight with a requestTimeout, checked every tick by one thread. Entering and leaving costs a
     * hash-set insert and removal, where a scheduled task per request cost a lock, a heap insert and removal, and now
     * and then a wake-up of the scheduling thread.
     */
    private final Set<Pending> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledThreadPoolExecutor deadlines;
    /** The resource base last sent to, split (one connector's calls all go to one base). */
    private volatile Target lastTarget;

    public HttpTransport(int maxConnections) {
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setTimeToLive(org.apache.hc.core5.util.TimeValue.ofMinutes(5))
                                .build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setSoKeepAlive(true).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("camel-kaizala")
                .build();
        this.client.start();
        this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "KaizalaRequestDeadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.scheduleWithFixedDelay(this::endOverdue, DEADLINE_TICK_MILLIS, DEADLINE_TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * What bounds one request: HttpClient's connect and idle ({@code responseTimeout}) timeouts, a total deadline for
     * the whole request and answer ({@code requestTimeout}, so that a server trickling bytes cannot hold it), and the
     * largest answer read ({@code maxResponseSize}).
     */
    public record Limits(RequestConfig config, long requestTimeoutMillis, long maxResponseSize) {

        @SuppressWarnings("deprecation") // the per-request connect timeout is still honoured by the async client
        public static Limits of(long connectTimeoutMillis, long responseTimeoutMillis, long requestTimeoutMillis,
                long maxResponseSize) {
            return new Limits(RequestConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                    .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                    .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                    .build(), requestTimeoutMillis, maxResponseSize);
        }
    }

    /**
     * Sends one request. Completes with the answer, or exceptionally with the transport's error, a
     * {@link RequestTimeoutException} after {@code requestTimeout}, or a {@link KaizalaException} when the answer is
     * larger than {@code maxResponseSize}.
     */
    public CompletableFuture<SimpleHttpResponse> send(
            String method, URI uri, Map<String, String> headers, Supplier<AsyncEntityProducer> body, Limits limits) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return send(method, new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()),
                uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), headers, body, limits, null);
    }

    /**
     * {@link #send(String, URI, Map, Supplier, Limits)} to {@code base} (an absolute URL, with or without a path) and
     * {@code path} below it (percent-encoded, with its query), without parsing a URI per request; {@code listener}
     * hears the outcome once, on the thread that saw it (no future of its own is made for it).
     */
    public void send(
            String method, String base, String path, Map<String, String> headers, Supplier<AsyncEntityProducer> body,
            Limits limits, BiConsumer<SimpleHttpResponse, Throwable> listener) {
        Target target = lastTarget;
        if (target == null || !target.base.equals(base)) {
            target = Target.of(base);
            lastTarget = target;
        }
        send(method, target.host, target.path.isEmpty() ? path : target.path + path, headers, body, limits, listener);
    }

    private CompletableFuture<SimpleHttpResponse> send(
            String method, HttpHost host, String path, Map<String, String> headers, Supplier<AsyncEntityProducer> body,
            Limits limits, BiConsumer<SimpleHttpResponse, Throwable> listener) {
        BasicHttpRequest request = new BasicHttpRequest(method, host, path);
        request.addHeader(HttpHeaders.ACCEPT, "application/json");
        headers.forEach(request::addHeader);
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(limits.config());
        Pending answer = new Pending(method, path, limits.requestTimeoutMillis(), listener);
        if (limits.requestTimeoutMillis() > 0) {
            inFlight.add(answer);
        }
        answer.running = client.execute(new BasicRequestProducer(request, body == null ? null : body.get()),
                new CappedResponseConsumer(limits.maxResponseSize(), method, path), null, context, answer);
        return answer;
    }

    /** Ends the requests past their requestTimeout; forgets those that ended meanwhile. */
    private void endOverdue() {
        long now = System.nanoTime();
        for (Pending pending : inFlight) {
            if (pending.isDone()) {
                inFlight.remove(pending);
            } else if (now - pending.deadlineNanos >= 0) {
                inFlight.remove(pending);
                pending.expire();
            }
        }
    }

    /** A resource base split once into what a request needs: the host, and the path below which the API lives. */
    private record Target(String base, HttpHost host, String path) {

        static Target of(String base) {
            URI uri = URI.create(base);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Target(base, new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort()),
                    path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        }
    }

    /**
     * One request in flight: its answer (this future, and its listener when it has one), HttpClient's callback, and
     * its {@code requestTimeout} — one object, since every request makes one.
     */
    private final class Pending extends CompletableFuture<SimpleHttpResponse>
            implements
                FutureCallback<SimpleHttpResponse> {

        private final String method;
        private final String path;
        private final long timeoutMillis;
        private final BiConsumer<SimpleHttpResponse, Throwable> listener;
        private final long deadlineNanos;
        volatile Future<SimpleHttpResponse> running;

        Pending(String method, String path, long timeoutMillis, BiConsumer<SimpleHttpResponse, Throwable> listener) {
            this.method = method;
            this.path = path;
            this.timeoutMillis = timeoutMillis;
            this.listener = listener;
            // capped so that a huge requestTimeout cannot overflow into the past
            this.deadlineNanos = System.nanoTime()
                    + Math.min(TimeUnit.MILLISECONDS.toNanos(timeoutMillis), Long.MAX_VALUE / 4);
        }

        @Override
        public void completed(SimpleHttpResponse response) {
            leave();
            if (complete(response) && listener != null) {
                listener.accept(response, null);
            }
        }

        @Override
        public void failed(Exception ex) {
            leave();
            fail(ex instanceof CappedResponseConsumer.TooLarge tooLarge ? new KaizalaException(tooLarge.getMessage())
                    : ex);
        }

        @Override
        public void cancelled() {
            leave();
            fail(new CancellationException(method + " " + where() + " was cancelled"));
        }

        private boolean fail(Throwable error) {
            if (!completeExceptionally(error)) {
                return false;
            }
            if (listener != null) {
                listener.accept(null, error);
            }
            return true;
        }

        /** The deadline passed: fail the call and abort the exchange, which frees its connection. */
        void expire() {
            if (fail(new RequestTimeoutException(method + " " + where()
                    + " got no complete answer within requestTimeout (" + timeoutMillis + " ms)"))) {
                Future<SimpleHttpResponse> r = running;
                if (r != null) {
                    r.cancel(true);
                }
            }
        }

        /** The path without its query, for messages. */
        private String where() {
            return path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
        }

        private void leave() {
            if (timeoutMillis > 0) {
                inFlight.remove(this);
            }
        }
    }

    /** The answer did not arrive in full within {@code requestTimeout}. */
    public static final class RequestTimeoutException extends TimeoutException {

        RequestTimeoutException(String message) {
            super(message);
        }
    }

    public static boolean isSuccess(SimpleHttpResponse response) {
        return response.getCode() >= 200 && response.getCode() < 300;
    }

    public static String bodyText(SimpleHttpResponse response) {
        byte[] body = response.getBodyBytes();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The exception for an error answer: status, operation, body, {@code Retry-After} when given, and {@code hint}
     * (what to do; null for none). The {@code secrets} sent with the request are masked in the body, should the
     * server echo them.
     */
    public static KaizalaApiException failure(String operation, SimpleHttpResponse response, String hint,
            String... secrets) {
        String body = bodyText(response);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                body = body.replace(secret, "***");
            }
        }
        JsonNode error = errorObject(body);
        return new KaizalaApiException(operation, response.getCode(), body, retryAfter(response), hint,
                text(error, "errorCode", "code"), text(error, "errorCategoryKey", "categoryKey"));
    }

    /**
     * The error object of an answer: the body itself ({@code {"errorCode":…,"errorCategoryKey":…,"message":…}}, the
     * real service's shape), or its {@code error} member when it has one; null when the body is not a JSON object.
     */
    private static JsonNode errorObject(String body) {
        if (body == null || body.isBlank() || body.trim().charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode node = KaizalaJson.MAPPER.readTree(body);
            JsonNode nested = KaizalaJson.field(node, "error");
            return nested != null && nested.isObject() ? nested : node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode value = object == null || !object.isObject() ? null : KaizalaJson.field(object, name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(SimpleHttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null || header.getValue().isBlank()) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            Instant at = DateUtils.parseStandardDate(value);
            return at == null ? null : Duration.ofMillis(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()));
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        deadlines.shutdownNow();
    }
}
