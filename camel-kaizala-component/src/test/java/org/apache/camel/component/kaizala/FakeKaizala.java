package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kaizala of the tests' own, not the simulator: a JDK HTTP server on a free loopback port whose token service and
 * resource API a test scripts, to play a hostile or broken service. The token service checks the connector's
 * credentials, can rotate the refresh token on every fetch and retire the one presented, and echoes a refused refresh
 * token in its error body (as a careless service might); the resource API can accept each access token once only.
 * Every request is journaled.
 */
final class FakeKaizala implements AutoCloseable {

    static final String APPLICATION_ID = "hostile-app";
    static final String APPLICATION_SECRET = "app-secret-" + UUID.randomUUID();
    static final String FIRST_REFRESH_TOKEN = "refresh-0-" + UUID.randomUUID();

    /** What the resource API answers to one request. */
    @FunctionalInterface
    interface Answer {

        void answer(HttpExchange exchange) throws IOException;
    }

    record Seen(String method, String path, Map<String, String> headers) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> journal = new ArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> validAccessTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger fetches = new AtomicInteger();

    volatile String validRefreshToken = FIRST_REFRESH_TOKEN;
    /** Each token fetch gives a new refresh token and retires the one presented. */
    volatile boolean rotate;
    /** Each access token is accepted for one resource call only. */
    volatile boolean singleUseAccessTokens;
    /** The resource API takes any access token (a second host a connector may be moved to). */
    volatile boolean acceptAnyAccessToken;
    /** What the resource API answers, once the access token is accepted. */
    volatile Answer resource = exchange -> json(exchange, 200, "{\"referenceId\":\"ref-1\"}");

    FakeKaizala() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        issued.add(APPLICATION_SECRET);
        issued.add(FIRST_REFRESH_TOKEN);
    }

    /** The server's base, without /v1. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The same server named {@code localhost}: another host, as far as a 308 is concerned. */
    String otherHostBase() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    String authUrl() {
        return base() + "/v1";
    }

    /** Points a component at this server with its connector, pacing off, short back-offs. */
    void configure(KaizalaConfiguration configuration) {
        configuration.setAuthUrl(authUrl());
        configuration.setApplicationId(APPLICATION_ID);
        configuration.setApplicationSecret(APPLICATION_SECRET);
        configuration.setRefreshToken(FIRST_REFRESH_TOKEN);
        configuration.setRateLimit(0);
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(50);
    }

    /** Every secret this server issued or was configured with. */
    Set<String> secrets() {
        return Set.copyOf(issued);
    }

    int tokenFetches() {
        return fetches.get();
    }

    synchronized List<Seen> journal() {
        return List.copyOf(journal);
    }

    /** The resource calls (everything but the token service). */
    List<Seen> resourceCalls() {
        return journal().stream().filter(seen -> !seen.path().endsWith("/accessToken")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                journal.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers));
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/accessToken")) {
                token(exchange, headers);
            } else if (!path.startsWith("/v1/")) {
                json(exchange, 404, "{\"errorCode\":\"NotFound\",\"message\":\"no operation at " + path + "\"}");
            } else if (acceptAnyAccessToken || accepted(headers.get("accesstoken"))) {
                resource.answer(exchange);
            } else {
                json(exchange, 401, "{\"errorCode\":\"InvalidToken\",\"errorCategoryKey\":\"AuthException\","
                        + "\"message\":\"Invalid token. \"}");
            }
        }
    }

    private boolean accepted(String accessToken) {
        return accessToken != null
                && (singleUseAccessTokens ? validAccessTokens.remove(accessToken)
                        : validAccessTokens.contains(accessToken));
    }

    private void token(HttpExchange exchange, Map<String, String> headers) throws IOException {
        String presented = headers.get("refreshtoken");
        if (!APPLICATION_ID.equals(headers.get("applicationid"))
                || !APPLICATION_SECRET.equals(headers.get("applicationsecret"))
                || !validRefreshToken.equals(presented)) {
            json(exchange, 401, "{\"errorCode\":\"InvalidToken\",\"errorCategoryKey\":\"AuthException\",\"message\":"
                    + "\"Invalid token. refreshToken " + presented + " with applicationSecret "
                    + headers.get("applicationsecret") + " refused\"}");
            return;
        }
        int n = fetches.incrementAndGet();
        String accessToken = "access-" + n + "-" + UUID.randomUUID();
        issued.add(accessToken);
        validAccessTokens.add(accessToken);
        String refreshToken = presented;
        if (rotate) {
            refreshToken = "refresh-" + n + "-" + UUID.randomUUID();
            issued.add(refreshToken);
            validRefreshToken = refreshToken;
        }
        json(exchange, 200, "{\"accessToken\":\"" + accessToken + "\",\"refreshToken\":\"" + refreshToken
                + "\",\"endpointUrl\":\"" + base() + "\",\"accessTokenExpiry\":"
                + (System.currentTimeMillis() + 3_600_000) + "}");
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
