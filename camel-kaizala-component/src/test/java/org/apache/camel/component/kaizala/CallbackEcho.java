package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A callback URL on loopback that passes Kaizala's validation handshake (it echoes {@code validationToken}) and
 * answers 200 to deliveries: for tests that subscribe webhooks without a consumer.
 */
final class CallbackEcho implements AutoCloseable {

    private final HttpServer server;

    CallbackEcho() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] answer = new byte[0];
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("validationToken=")) {
                    answer = URLDecoder.decode(pair.substring(16), StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.UTF_8);
                }
            }
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** A URL below this server, e.g. {@code url("/cb")}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
