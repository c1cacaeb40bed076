package io.github.camelkaizala.jbang;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Camel JBang itself ({@code camel run}, through {@link CamelJBang}) on route files as a user writes them, with
 * {@code --dep=io.github.camelkaizala:camel-kaizala:VERSION} found in the local Maven repository, against a Kaizala
 * simulator. Each run is a separate JVM, stopped by {@code --max-seconds} at the latest and killed after the test.
 */
class CamelJBangTest {

    /** The first run downloads what the routes need (Camel's YAML DSL, platform-http, …) into the local repository. */
    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("kaizala.jbang.wait-seconds", 240));

    private static KaizalaSimulator simulator;
    private static String groupId;

    @TempDir
    Path work;

    @BeforeAll
    static void startSimulator() {
        simulator = KaizalaSimulator.start();
        groupId = simulator.state().createGroup("Camel JBang").id();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void aProducerRouteFilePostsToKaizala() throws Exception {
        String text = "posted by Camel JBang";
        try (CamelRun run = camelRun("producer.camel.yaml", "kaizala.text = " + text)) {
            run.await("the message in the simulator's group", () -> simulator.state().group(groupId).orElseThrow()
                    .messages().stream().anyMatch(m -> text.equals(m.text())));
            assertThat(simulator.journal().matching("POST", "/groups/[^/]+/messages"))
                    .anySatisfy(r -> assertThat(r.body()).contains(text));
            run.await("the route's log line", () -> run.output().contains("posted to Kaizala as "));
            // Camel Main's start-up summary, as Camel JBang prints it: the secrets masked
            assertThat(run.output()).contains("camel.component.kaizala.applicationSecret = xxxxxx")
                    .doesNotContain(KaizalaSimulator.DEFAULT_APPLICATION_SECRET)
                    .doesNotContain(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        }
    }

    @Test
    void aConsumerOnlyRouteFileReceivesAMembersPost() throws Exception {
        int port = freePort();
        try (CamelRun run = camelRun("consumer.camel.yaml",
                "camel.component.kaizala.webhook-external-url = http://127.0.0.1:" + port,
                "camel.component.kaizala.allow-insecure-webhook-url = true", "--port=" + port)) {
            receivesAMembersPost(run, port, "+15550100088", "hello Camel JBang", "received from Kaizala: ");
        }
    }

    @Test
    void aPipeFromTheKaizalaSourceKameletReceivesAMembersPost() throws Exception {
        int port = freePort();
        Path kamelets = Path.of(System.getProperty("kaizala.kamelets.dir"));
        try (CamelRun run = camelRun("kaizala-to-log.pipe.yaml",
                "camel.kamelet.kaizala-source.applicationId = " + KaizalaSimulator.DEFAULT_APPLICATION_ID,
                "camel.kamelet.kaizala-source.applicationSecret = " + KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "camel.kamelet.kaizala-source.refreshToken = " + KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                "camel.kamelet.kaizala-source.authUrl = " + simulator.authUrl(),
                "kaizala.webhook-external-url = http://127.0.0.1:" + port,
                // Camel's HTTP server made at start-up: camel run otherwise makes it when the Kamelet's route, made while
                // Camel starts, first asks for platform-http, and fails ("Circular dependency detected")
                "camel.server.enabled = true",
                "--port=" + port, "--local-kamelet-dir=" + kamelets.toAbsolutePath())) {
            receivesAMembersPost(run, port, "+15550100099", "hello Pipe", "kaizala-pipe");
        }
    }

    /** Waits for the run's subscription (its callback on {@code port}), then a member posts and the run logs it. */
    private static void receivesAMembersPost(CamelRun run, int port, String mobile, String text, String logMarker)
            throws InterruptedException {
        run.await("the webhook subscription", () -> simulator.state().webhooks().stream()
                .anyMatch(w -> groupId.equals(w.objectId()) && w.callbackUrl().contains(":" + port + "/")));
        simulator.human(mobile).join(groupId);
        simulator.human(mobile).postText(groupId, text);
        run.await("the member's post in the log",
                () -> run.output().contains(logMarker) && run.output().contains(text));
        assertThat(run.output()).doesNotContain(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
    }

    /**
     * {@code camel run ROUTE --properties=application.properties --dep=…}; arguments starting with {@code --} go to
     * camel run, the others into application.properties.
     */
    private CamelRun camelRun(String routeFile, String... extra) throws IOException {
        Path route = work.resolve(routeFile);
        Files.copy(Objects.requireNonNull(getClass().getResourceAsStream("/jbang/" + routeFile)), route);
        List<String> properties = new ArrayList<>(List.of(
                "camel.component.kaizala.application-id = " + KaizalaSimulator.DEFAULT_APPLICATION_ID,
                "camel.component.kaizala.application-secret = " + KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "camel.component.kaizala.refresh-token = " + KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                "camel.component.kaizala.auth-url = " + simulator.authUrl(),
                "kaizala.group-id = " + groupId));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the build's local repository, where camel-kaizala was installed (camel run reads ~/.m2 otherwise)
                "-Dmaven.repo.local=" + System.getProperty("kaizala.maven.repo.local"),
                "-cp", System.getProperty("kaizala.jbang.classpath"), CamelJBang.class.getName(),
                "run", route.toString(),
                "--properties=" + work.resolve("application.properties"),
                "--dep=io.github.camelkaizala:camel-kaizala:" + System.getProperty("kaizala.version"),
                "--kamelets-version=" + System.getProperty("kaizala.kamelets-catalog.version"),
                "--max-seconds=" + (WAIT.toSeconds() + 60)));
        for (String e : extra) {
            (e.startsWith("--") ? command : properties).add(e);
        }
        Files.write(work.resolve("application.properties"), properties);
        return new CamelRun(new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(routeFile + ".log").toFile()).start(), work.resolve(routeFile + ".log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A running camel run: its output, a bounded wait, and a stop that leaves no process behind. */
    private record CamelRun(Process process, Path log) implements AutoCloseable {

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void await(String what, BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    String output = output();
                    throw new AssertionError("camel run: never saw " + what + (process.isAlive() ? " within " + WAIT
                            : " (exited with " + process.exitValue() + ")") + "; its output ends with:\n"
                            + output.substring(Math.max(0, output.length() - 12000)));
                }
                Thread.sleep(250);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
