package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for the tests, on 127.0.0.1: answers the validation handshake (echo, or scripted misbehaviour)
 * and records every request; POSTs are answered with scripted statuses (200 by default).
 */
final class CallbackServer implements AutoCloseable {

    enum HandshakeMode {
        ECHO,
        QUOTED,
        NOT_FOUND
    }

    record Received(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
            String body, Instant at) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new ArrayList<>(); // guarded by this
    private final Deque<Integer> nextStatuses = new ArrayDeque<>(); // guarded by this
    private int status = 200; // guarded by this
    private volatile HandshakeMode handshake = HandshakeMode.ECHO;
    private volatile Duration handshakeDelay = Duration.ZERO;
    private volatile Duration postDelay = Duration.ZERO;

    private CallbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "callback-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static CallbackServer start() {
        try {
            return new CallbackServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/kaizala/events} */
    String url() {
        return url("/kaizala/events");
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next POSTs are answered with these statuses, then the default one. */
    synchronized CallbackServer answerNext(int... statuses) {
        for (int s : statuses) {
            nextStatuses.addLast(s);
        }
        return this;
    }

    /** Every POST (after the scripted ones) is answered with this status. */
    synchronized CallbackServer answerAlways(int status) {
        this.status = status;
        return this;
    }

    CallbackServer handshake(HandshakeMode mode, Duration delay) {
        this.handshake = mode;
        this.handshakeDelay = delay;
        return this;
    }

    CallbackServer postDelay(Duration delay) {
        this.postDelay = delay;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> posts() {
        return received.stream().filter(r -> r.method().equals("POST")).toList();
    }

    synchronized List<Received> posts(String path) {
        return received.stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).toList();
    }

    synchronized List<Received> gets() {
        return received.stream().filter(r -> r.method().equals("GET")).toList();
    }

    /** Waits (bounded) until at least {@code count} POSTs arrived. */
    synchronized List<Received> awaitPosts(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (posts().size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " POSTs within " + timeout + ", got " + posts().size());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return posts();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()), body,
                    Instant.now());
            int answer;
            synchronized (this) {
                received.add(r);
                boolean post = r.method().equals("POST");
                answer = !post ? 200 : nextStatuses.isEmpty() ? status : nextStatuses.removeFirst();
                notifyAll();
            }
            String token = r.query().get("validationToken");
            if (r.method().equals("GET") && token != null) {
                sleep(handshakeDelay);
                switch (handshake) {
                    case ECHO -> reply(exchange, 200, token);
                    case QUOTED -> reply(exchange, 200, "\"" + token + "\"");
                    case NOT_FOUND -> reply(exchange, 404, token);
                }
                return;
            }
            sleep(postDelay);
            reply(exchange, answer, "");
        }
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
