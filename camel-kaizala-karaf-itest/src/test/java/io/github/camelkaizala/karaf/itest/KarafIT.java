package io.github.camelkaizala.karaf.itest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkaizala.simulator.Group;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots a real Apache Karaf (unpacked by the build into target/karaf), adds the Camel features repository and
 * camel-kaizala's, installs the {@code camel-kaizala} feature through Karaf's shell, installs a bundle whose Camel
 * route posts a message through {@code kaizala:messages}, and checks that the message reached a group of a Kaizala
 * simulator running in this JVM on 127.0.0.1. Every wait is bounded; Karaf is stopped at the end.
 * <p>
 * Run with {@code mvn -B -ntp verify -Pkaraf-itest} (docs/deployment.md#apache-karaf).
 */
class KarafIT {

    private static final Duration KARAF_SSH_READY = Duration.ofMinutes(2);
    private static final Duration FEATURE_INSTALL = Duration.ofMinutes(8);
    private static final Duration MESSAGE_ARRIVES = Duration.ofMinutes(1);
    private static final String USER = "itest";
    private static final String PASSWORD = "itest-" + Long.toHexString(System.nanoTime());

    private static final Path HOME = Path.of(required("karaf.itest.home"));
    private static final String CAMEL_VERSION = required("karaf.itest.camelVersion");
    private static final String PROJECT_VERSION = required("karaf.itest.projectVersion");

    private static KaizalaSimulator simulator;
    private static Group group;
    private static Process karaf;
    private static int sshPort;
    private static final List<String> timings = new ArrayList<>();
    private static long started;

    @BeforeAll
    static void startSimulatorAndKaraf() throws Exception {
        started = System.nanoTime();
        simulator = KaizalaSimulator.start();
        group = simulator.state().createGroup("Karaf", "+15550100001");
        configureKaraf();
        Path console = HOME.resolve("karaf-console.log");
        ProcessBuilder builder = new ProcessBuilder("sh", "bin/karaf", "daemon")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("KARAF_OPTS");
        karaf = builder.start();
        lap("Karaf process started");
    }

    @AfterAll
    static void stopKarafAndSimulator() throws Exception {
        try {
            if (karaf != null && karaf.isAlive()) {
                Process stop = shell("bin/stop").start();
                stop.waitFor(60, TimeUnit.SECONDS);
                if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
                    karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                    karaf.destroyForcibly();
                    karaf.waitFor(30, TimeUnit.SECONDS);
                }
                lap("Karaf stopped");
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            System.out.println("KarafIT timings:");
            timings.forEach(t -> System.out.println("  " + t));
        }
    }

    @Test
    void theFeatureInstallsAndARouteSendsThroughTheComponent() throws Exception {
        String features = "mvn:io.github.camelkaizala/camel-kaizala/" + PROJECT_VERSION + "/xml/features";
        String repoAdd = client(KARAF_SSH_READY, "feature:repo-add " + features);
        assertThat(repoAdd).doesNotContain("Error");
        lap("SSH up, features repository added");

        String install = client(FEATURE_INSTALL, "feature:install camel-kaizala");
        assertThat(install).as("feature:install camel-kaizala").doesNotContain("Error", "Exception");
        lap("feature:install camel-kaizala done");

        String list = client(Duration.ofMinutes(1), "feature:list -i");
        assertThat(lineWith(list, "camel-kaizala")).as(list).contains("Started");
        assertThat(lineWith(list, "camel-core ")).as(list).contains(CAMEL_VERSION);
        String bundles = client(Duration.ofMinutes(1), "bundle:list -t 0 -s");
        assertThat(lineWith(bundles, "io.github.camelkaizala.camel-kaizala")).as(bundles).contains("Active");
        String headers = client(Duration.ofMinutes(1), "bundle:headers io.github.camelkaizala.camel-kaizala");
        assertThat(headers).contains("org.apache.camel.component.kaizala");

        Path routeBundle = Path.of(required("karaf.itest.routeBundle"));
        // the route finds kaizala: by its scheme (camel-core-osgi's extender), not by importing the component
        try (JarFile jar = new JarFile(routeBundle.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Import-Package"))
                    .contains("org.apache.camel.karaf.core").doesNotContain("kaizala");
        }
        String installRoute = client(Duration.ofMinutes(2), "bundle:install -s " + routeBundle.toUri());
        assertThat(installRoute).as("bundle:install of the route bundle").doesNotContain("Error", "Exception");
        lap("route bundle installed");

        await("the route's message reaches the simulator", MESSAGE_ARRIVES, () -> !group().messages().isEmpty());
        lap("message received by the simulator");
        assertThat(group().messages()).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(RouteActivator.TEXT));
        assertThat(simulator.journal().count("POST", "/groups/.*/messages")).isEqualTo(1);

        String logLine = "kaizala-karaf-itest: posted to group " + group.id() + " as "
                + group().messages().get(0).referenceId();
        await("the route logs Kaizala's referenceId", Duration.ofSeconds(10), () -> karafLogContains(logLine));
        bundles = client(Duration.ofMinutes(1), "bundle:list -t 0 -s");
        System.out.println("Bundles of the Kaizala feature and the route:");
        bundles.lines().filter(l -> l.contains("kaizala") || l.contains("camel-core-osgi") || l.contains("camel-api")
                || l.contains("httpclient5") || l.contains("jackson-databind"))
                .forEach(l -> System.out.println("  " + l));
    }

    private static Group group() {
        return simulator.state().group(group.id()).orElseThrow();
    }

    // --- Karaf set-up ---

    private static void configureKaraf() throws IOException {
        assertThat(HOME.resolve("bin/karaf")).as("Karaf unpacked by the build").exists();
        assertThat(HOME.resolve("data/cache")).as("a fresh Karaf, never started (its bundle cache would restart an"
                + " earlier installation)").doesNotExist();
        Path etc = HOME.resolve("etc");
        sshPort = freePort();

        // where Karaf downloads bundles from: the project's own artifacts (staged by the build), ~/.m2, Central
        Path projectRepository = Path.of(required("karaf.itest.projectRepository"));
        Path localRepository = Path.of(required("karaf.itest.localRepository"));
        String remote = System.getProperty("karaf.itest.remoteRepository", "https://repo1.maven.org/maven2@id=central");
        edit(etc.resolve("org.ops4j.pax.url.mvn.cfg"), cfg -> {
            cfg = replaceProperty(cfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                    projectRepository.toUri() + "@id=kaizala.project@snapshots, \\\n    "
                            + "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, \\\n    "
                            + "${karaf.data.uri}kar@id=kar.repository@multi@snapshots");
            cfg = replaceProperty(cfg, "org.ops4j.pax.url.mvn.repositories", remote);
            return cfg + "\norg.ops4j.pax.url.mvn.localRepository = " + localRepository + "\n";
        });

        // SSH on loopback and a free port, for bin/client; no JMX/RMI ports (management)
        edit(etc.resolve("org.apache.karaf.shell.cfg"), cfg -> replaceProperty(replaceProperty(cfg,
                "sshPort", String.valueOf(sshPort)), "sshHost", "127.0.0.1"));
        edit(etc.resolve("org.apache.karaf.features.cfg"),
                cfg -> cfg.replaceAll("(?m)^\\s*management/[^,\\n]*, \\\\\\n", ""));
        edit(etc.resolve("users.properties"),
                cfg -> cfg + "\n" + USER + " = " + PASSWORD + ",admin,manager,viewer,systembundles,ssh\n");

        // the repository's camel-karaf bundles are not all served here: see the file
        if (Boolean.parseBoolean(System.getProperty("karaf.itest.substituteCamelBundles", "true"))) {
            try (var in = KarafIT.class.getResourceAsStream("/karaf/org.apache.karaf.features.xml")) {
                Files.copy(in, etc.resolve("org.apache.karaf.features.xml"), StandardCopyOption.REPLACE_EXISTING);
            }
        }

        // the route bundle's settings
        Files.writeString(etc.resolve("kaizala-itest.properties"), String.join("\n",
                "kaizala.group-id = " + group.id(),
                "kaizala.auth-url = " + simulator.authUrl(),
                "kaizala.application-id = " + KaizalaSimulator.DEFAULT_APPLICATION_ID,
                "kaizala.application-secret = " + KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "kaizala.refresh-token = " + KaizalaSimulator.DEFAULT_REFRESH_TOKEN, ""));
    }

    private static String replaceProperty(String cfg, String key, String value) {
        // a property with its continuation lines
        Pattern property = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=(?:[^\\n]*\\\\\\n)*[^\\n]*$");
        Matcher m = property.matcher(cfg);
        assertThat(m.find()).as(key + " in the configuration").isTrue();
        return m.replaceFirst(Matcher.quoteReplacement(key + " = " + value));
    }

    private interface Edit {

        String apply(String content);
    }

    private static void edit(Path file, Edit edit) throws IOException {
        Files.writeString(file, edit.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    // --- Karaf's shell, over SSH ---

    /** Runs a shell command through bin/client, retrying the connection until Karaf's SSH server is up. */
    private static String client(Duration timeout, String command) throws Exception {
        assertThat(karaf.isAlive()).as("Karaf is running (see " + HOME.resolve("karaf-console.log") + ")").isTrue();
        long retries = Math.max(1, timeout.toSeconds() / 2);
        Path output = Files.createTempFile(HOME, "client", ".out");
        ProcessBuilder builder = shell("bin/client", "-h", "127.0.0.1", "-a", String.valueOf(sshPort), "-u", USER,
                "-p", PASSWORD, "-r", String.valueOf(retries), "-d", "2", command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // a fresh known_hosts each run: every new Karaf has a new host key
        builder.environment().put("KARAF_OPTS", "-Duser.home=" + HOME.resolve("client-home"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("'" + command + "' did not finish within " + timeout + "\n" + tail(karafLog()));
        }
        String out = Files.readString(output);
        System.out.println("karaf@root()> " + command + "\n" + out);
        if (process.exitValue() != 0) {
            throw new AssertionError("'" + command + "' failed (exit " + process.exitValue() + "):\n" + out + "\n"
                    + tail(karafLog()));
        }
        return out;
    }

    private static ProcessBuilder shell(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    // --- helpers ---

    private static String lineWith(String output, String text) {
        return output.lines().filter(l -> l.contains(text)).findFirst().orElse("");
    }

    private static boolean karafLogContains(String text) {
        try {
            return karafLog().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static String karafLog() throws IOException {
        Path log = HOME.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return "--- last lines of data/log/karaf.log ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout + "\n" + tail(karafLog()));
            }
            Thread.sleep(250);
        }
    }

    private static void lap(String what) {
        timings.add(String.format("%6.1f s  %s", (System.nanoTime() - started) / 1e9, what));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    property + " is not set: run through Maven, mvn -B -ntp verify -Pkaraf-itest");
        }
        return value;
    }
}
