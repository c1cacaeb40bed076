package org.apache.camel.component.kaizala.internal.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP wire: Apache HttpClient 5's pooled asynchronous client, shared by every endpoint of a component. No thread
 * waits while a request is in flight. Redirects and retries are not followed here: {@link KaizalaClient} decides.
 */
public final class HttpTransport implements AutoCloseable {

    private final CloseableHttpAsyncClient client;

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
        AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setUri(uri)
                .addHeader(HttpHeaders.ACCEPT, "application/json");
        headers.forEach(request::addHeader);
        if (body != null) {
            request.setEntity(body.get());
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(limits.config());
        CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
        Future<SimpleHttpResponse> running = client.execute(request.build(),
                new CappedResponseConsumer(limits.maxResponseSize(), method + " " + uri.getPath()), null, context,
                new FutureCallback<>() {

                    @Override
                    public void completed(SimpleHttpResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void failed(Exception ex) {
                        answer.completeExceptionally(ex instanceof CappedResponseConsumer.TooLarge tooLarge
                                ? new KaizalaException(tooLarge.getMessage()) : ex);
                    }

                    @Override
                    public void cancelled() {
                        answer.cancel(false);
                    }
                });
        if (limits.requestTimeoutMillis() <= 0) {
            return answer;
        }
        CompletableFuture<SimpleHttpResponse> bounded = new CompletableFuture<>();
        answer.orTimeout(limits.requestTimeoutMillis(), TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
            if (error instanceof TimeoutException) {
                running.cancel(true); // aborts the exchange and frees its connection
                bounded.completeExceptionally(new RequestTimeoutException(
                        method + " " + uri.getPath() + " got no complete answer within requestTimeout ("
                                + limits.requestTimeoutMillis() + " ms)"));
            } else if (error != null) {
                bounded.completeExceptionally(error);
            } else {
                bounded.complete(response);
            }
        });
        return bounded;
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
    }
}
