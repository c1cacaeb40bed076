package org.apache.camel.component.kaizala.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.apache.camel.component.kaizala.KaizalaApiException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
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

    /** Request settings for one connector's timeouts. */
    @SuppressWarnings("deprecation") // the per-request connect timeout is still honoured by the async client
    public static RequestConfig requestConfig(long connectTimeoutMillis, long responseTimeoutMillis) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                .build();
    }

    public CompletableFuture<SimpleHttpResponse> send(
            String method, URI uri, Map<String, String> headers, Supplier<AsyncEntityProducer> body,
            RequestConfig config) {
        AsyncRequestBuilder request = AsyncRequestBuilder.create(method).setUri(uri)
                .addHeader(HttpHeaders.ACCEPT, "application/json");
        headers.forEach(request::addHeader);
        if (body != null) {
            request.setEntity(body.get());
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        CompletableFuture<SimpleHttpResponse> answer = new CompletableFuture<>();
        client.execute(request.build(), SimpleResponseConsumer.create(), null, context,
                new FutureCallback<>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void failed(Exception ex) {
                        answer.completeExceptionally(ex);
                    }

                    @Override
                    public void cancelled() {
                        answer.cancel(false);
                    }
                });
        return answer;
    }

    public static boolean isSuccess(SimpleHttpResponse response) {
        return response.getCode() >= 200 && response.getCode() < 300;
    }

    public static String bodyText(SimpleHttpResponse response) {
        byte[] body = response.getBodyBytes();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** The exception for an error answer: status, operation, body, and {@code Retry-After} when given. */
    public static KaizalaApiException failure(String operation, SimpleHttpResponse response) {
        return new KaizalaApiException(operation, response.getCode(), bodyText(response), retryAfter(response));
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
