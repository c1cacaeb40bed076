package io.github.camelkaizala.quarkus.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Kaizala simulator on 127.0.0.1 before the Quarkus application, creates the group the routes use, and
 * hands the application its configuration: the simulator's token service, the default connector's credentials, the
 * group, and the callback's public URL — Quarkus's HTTP server on a free port of 127.0.0.1, plain HTTP (hence
 * allowInsecureWebhookUrl; Kaizala itself calls HTTPS only).
 */
public class KaizalaSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String MEMBER = "+15550100001";

    static KaizalaSimulator simulator;
    static String groupId;
    static int httpPort;

    @Override
    public Map<String, String> start() {
        simulator = KaizalaSimulator.start();
        groupId = simulator.state().createGroup("Quarkus", MEMBER).id();
        httpPort = freePort();
        return Map.of(
                "quarkus.http.test-port", String.valueOf(httpPort),
                "quarkus.http.test-host", "127.0.0.1",
                "camel.component.kaizala.auth-url", simulator.authUrl(),
                "camel.component.kaizala.application-id", KaizalaSimulator.DEFAULT_APPLICATION_ID,
                "camel.component.kaizala.application-secret", KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "camel.component.kaizala.refresh-token", KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                "camel.component.kaizala.allow-insecure-webhook-url", "true",
                "kaizala.group-id", groupId,
                "kaizala.public-url", "http://127.0.0.1:" + httpPort);
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
