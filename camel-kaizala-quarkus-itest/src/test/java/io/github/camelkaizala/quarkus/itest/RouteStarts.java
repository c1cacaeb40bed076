package io.github.camelkaizala.quarkus.itest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import org.apache.camel.spi.CamelEvent.RouteStartingEvent;

/**
 * Records, for each route, whether Quarkus's HTTP server accepted a connection at the moment Camel started the route
 * (Camel's RouteStartingEvent, which Camel Quarkus bridges to CDI): what the events route needs for Kaizala's
 * validation handshake, checked from outside, independently of any retry in the consumer.
 */
@Singleton
public class RouteStarts {

    private final Map<String, Boolean> serverListening = new ConcurrentHashMap<>();

    @Inject
    ValueRegistry values;

    void starting(@Observes RouteStartingEvent event) {
        // Quarkus registers the port once its server listens
        Integer port = values.containsKey(HttpServer.HTTP_TEST_PORT) ? values.get(HttpServer.HTTP_TEST_PORT) : null;
        serverListening.put(event.getRoute().getRouteId(), port != null && accepts(port));
    }

    public Map<String, Boolean> serverListening() {
        return Map.copyOf(serverListening);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
