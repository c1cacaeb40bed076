package io.github.camelkaizala.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkaizala.simulator.Delivery;
import io.github.camelkaizala.simulator.Event;
import io.github.camelkaizala.simulator.Human;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consumer instances ({@link ScaleOutInstance}, child JVMs) behind nginx, sharing a PostgreSQL idempotent
 * repository, one Kaizala subscription pointing at nginx. While the simulator delivers 5,000 events (10 % duplicates,
 * retries on non-2xx), instance 2 is SIGKILLed in the middle of processing an event (held inside its transaction)
 * and restarted, later instance 1 is SIGKILLed at a random moment and restarted, and 500 events are also POSTed twice
 * at once through nginx (so that both instances take the same id concurrently). Then every event the simulator
 * produced must be in the table {@code processed} exactly once.
 *
 * <p>Needs {@code .ci/scaleout-env.sh} (run by the profile before the tests). Knobs (system properties):
 * {@code scaleout.events} (5000), {@code scaleout.repository} ({@code leased}; {@code jdbc} / {@code orphan} run
 * camel-sql's repositories as they are, which this test shows losing or doubling events), {@code scaleout.lease.ms}
 * (5000), {@code scaleout.races} (500), {@code scaleout.randomKill} (true).
 */
class ScaleOutTest {

    private static final int EVENTS = Integer.getInteger("scaleout.events", 5000);
    private static final double DUPLICATE_RATE = 0.1;
    private static final String REPOSITORY = System.getProperty("scaleout.repository", "leased");
    private static final long LEASE_MS = Long.getLong("scaleout.lease.ms", 5000);
    private static final int RACES = Integer.getInteger("scaleout.races", 500);
    private static final boolean RANDOM_KILL = Boolean.parseBoolean(System.getProperty("scaleout.randomKill", "true"));
    /** Kaizala's schedule is 6 retries from 45 min to 24 h; the same count, scaled down, still outlasting the lease. */
    private static final Duration[] RETRY_DELAYS = { Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8) };
    private static final String CALLBACK_TOKEN = "scale-out-shared-callback-token";
    private static final String DATABASE = "kaizala_scaleout";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Child> instances = new ArrayList<>();
    private final Properties env = new Properties();
    private final Path logs = Path.of(System.getProperty("scaleout.logs", "target/scaleout-logs"));
    private Child postgres;
    private Child nginx;
    private KaizalaSimulator simulator;
    private ExecutorService racers;
    private int pgPort;
    private int nginxPort;
    private final int[] instancePorts = new int[2];

    @AfterEach
    void stopEverything() throws Exception {
        if (racers != null) {
            racers.shutdownNow();
        }
        for (Child instance : instances) {
            instance.stop(true, Duration.ofSeconds(20));
        }
        if (nginx != null) {
            nginx.stop(false, Duration.ofSeconds(20));
        }
        if (simulator != null) {
            simulator.close();
        }
        if (postgres != null) {
            postgres.stop(false, Duration.ofSeconds(30));
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyEventIsProcessedExactlyOnceWhileInstancesAreKilledAndRestarted() throws Exception {
        long started = System.nanoTime();
        readEnvironment();
        startPostgres();
        instancePorts[0] = freePort();
        instancePorts[1] = freePort();
        startNginx();

        simulator = KaizalaSimulator.builder().duplicateRate(DUPLICATE_RATE).webhookRetryDelays(RETRY_DELAYS).start();
        String groupId = simulator.state().createGroup("Scale-out").id();
        Human human = simulator.human(KaizalaSimulator.DEFAULT_USER_MOBILE);
        long setUp = System.nanoTime();

        // identical instances but for port and name: the first creates the subscription, the others reuse it
        Child i1 = startInstance("i1", 0, groupId, 0);
        assertThat(webhooksOf(groupId)).hasSize(1);
        int holdAt = Math.max(1, EVENTS / 8); // about a quarter of the way: instance 2 gets about half the events
        Child i2 = startInstance("i2", 1, groupId, holdAt);
        assertThat(webhooksOf(groupId)).as("one subscription, reused by the second instance").hasSize(1);
        String webhookId = webhooksOf(groupId).get(0).id();
        long instancesUp = System.nanoTime();

        for (int i = 0; i < EVENTS; i++) {
            human.postText(groupId, "scale-out event " + i);
        }
        List<Event> events = simulator.webhooks().events().stream().filter(e -> groupId.equals(e.groupId())).toList();
        assertThat(events).hasSize(EVENTS);
        Map<Integer, AtomicInteger> raceAnswers = new ConcurrentHashMap<>();
        CompletableFuture<Void> races = race(events, webhookId, groupId, raceAnswers);

        // kill 1: instance 2 in the middle of an event (recorded in its open transaction, not confirmed)
        String heldEventId = i2.await("HOLDING (\\S+)", Duration.ofMinutes(5));
        long killedAt = System.nanoTime();
        i2.kill();
        System.out.printf("Killed i2 (SIGKILL) while it held event %s, %d deliveries in%n", heldEventId,
                simulator.deliveries().size());
        Child i2b = startInstance("i2-restarted", 1, groupId, 0);
        long restartMillis = millisSince(killedAt);

        // kill 2: instance 1 at whatever moment it is in (unplanned), about two thirds of the way
        String randomKill = "none";
        if (RANDOM_KILL) {
            awaitDeliveries(EVENTS * 2 / 3, Duration.ofMinutes(5));
            i1.kill();
            randomKill = "i1 at delivery " + simulator.deliveries().size();
            System.out.println("Killed i1 (SIGKILL) at a random moment, " + randomKill);
            startInstance("i1-restarted", 0, groupId, 0);
        }

        races.get(10, TimeUnit.MINUTES);
        boolean idle = simulator.awaitIdle(Duration.ofMinutes(8));
        long deliveredAt = System.nanoTime();

        // ---- the verdict, from PostgreSQL
        Set<String> produced = events.stream().map(Event::eventId).collect(Collectors.toSet());
        Map<String, List<String>> processedBy = new HashMap<>();
        Map<String, Integer> perInstance = new TreeMap<>();
        try (Connection db = connect(DATABASE); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT event_id, instance FROM processed")) {
                while (rs.next()) {
                    processedBy.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                    perInstance.merge(rs.getString(2), 1, Integer::sum);
                }
            }
        }
        Set<String> missing = new HashSet<>(produced);
        missing.removeAll(processedBy.keySet());
        Map<String, List<String>> doubles = processedBy.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> unknown = new HashSet<>(processedBy.keySet());
        unknown.removeAll(produced);

        List<Delivery> deliveries = simulator.deliveries().stream().filter(d -> d.webhookId().equals(webhookId)).toList();
        Map<Integer, Long> statuses = new TreeMap<>(deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::status, Collectors.counting())));
        long duplicates = deliveries.stream().filter(d -> d.duplicate() && d.attempt() == 1).count();
        long retries = deliveries.stream().filter(d -> d.attempt() > 1).count();
        Map<String, Map<String, Integer>> upstreams = nginxUpstreams();

        String summary = String.join("\n",
                "Scale-out (" + REPOSITORY + " repository, lease " + LEASE_MS + " ms): " + EVENTS + " events, "
                + deliveries.size() + " delivery attempts (" + duplicates + " duplicates, " + retries + " retries; "
                + "answers " + statuses + "), " + RACES + " events also POSTed twice at once (answers "
                + new TreeMap<>(raceAnswers) + ")",
                "  kills: i2 while holding " + heldEventId + " (processed by " + processedBy.get(heldEventId)
                + "; restarted, ready in " + restartMillis + " ms), random: " + randomKill,
                "  processed once: " + (produced.size() - missing.size() - doubles.size()) + ", missing: " + missing.size()
                + ", more than once: " + doubles.size() + ", unknown: " + unknown.size() + "; per instance " + perInstance,
                "  nginx: per upstream and status " + upstreams,
                "  subscriptions: " + webhooksOf(groupId).size() + " (active: "
                + webhooksOf(groupId).stream().allMatch(Webhook::active) + "), simulator idle: " + idle,
                "  time: set-up " + millis(started, setUp) + " ms, instances up " + millis(setUp, instancesUp)
                + " ms, events delivered " + millis(instancesUp, deliveredAt) + " ms, in all " + millisSince(started) + " ms");
        System.out.println(summary);
        Files.writeString(logs.resolve("summary.txt"), summary + "\n", StandardCharsets.UTF_8);

        assertThat(idle).as("the simulator delivered everything").isTrue();
        assertThat(missing).as("events never processed").isEmpty();
        assertThat(doubles).as("events processed more than once").isEmpty();
        assertThat(unknown).isEmpty();
        assertThat(processedBy.get(heldEventId)).as("the held event, by another instance").hasSize(1).doesNotContain("i2");
        assertThat(webhooksOf(groupId)).hasSize(1).allMatch(Webhook::active);
        assertThat(i2b.alive()).isTrue();
    }

    // ------------------------------------------------------------------ the instances

    private Child startInstance(String name, int slot, String groupId, int holdAt) throws Exception {
        String classpath = System.getProperty("scaleout.classes") + java.io.File.pathSeparator
                           + Files.readString(Path.of(System.getProperty("scaleout.classpath"))).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath,
                "-Dinstance=" + name,
                "-Dport=" + instancePorts[slot],
                "-Djdbc.url=" + jdbcUrl(DATABASE),
                "-Djdbc.user=" + env.getProperty("pg.user"),
                "-Dkaizala.auth-url=" + simulator.authUrl(),
                "-Dkaizala.application-id=" + KaizalaSimulator.DEFAULT_APPLICATION_ID,
                "-Dkaizala.application-secret=" + KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "-Dkaizala.refresh-token=" + KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                "-Dkaizala.callback-token=" + CALLBACK_TOKEN,
                "-Dkaizala.rate-limit=50",
                "-Dkaizala.group-id=" + groupId,
                "-Dkaizala.public-url=http://127.0.0.1:" + nginxPort,
                "-Drepository=" + REPOSITORY,
                "-Dlease.ms=" + LEASE_MS,
                "-Dhold.at=" + holdAt,
                "-Dmax.lifetime.s=1200",
                ScaleOutInstance.class.getName()));
        Child instance = Child.start(name, command, logs);
        instances.add(instance);
        instance.await("READY .*", START_TIMEOUT);
        return instance;
    }

    private List<Webhook> webhooksOf(String groupId) {
        return simulator.state().webhooks().stream().filter(w -> groupId.equals(w.objectId())).toList();
    }

    /**
     * POSTs {@link #RACES} events twice at the same moment through nginx, a little ahead of the simulator's own
     * delivery of them, so that both instances take the same id concurrently.
     */
    private CompletableFuture<Void> race(List<Event> events, String webhookId, String groupId,
                                         Map<Integer, AtomicInteger> answers) {
        racers = Executors.newFixedThreadPool(3);
        if (RACES == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            int first = events.size() / 10;
            int step = Math.max(1, (events.size() - first) / RACES);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            for (int n = 0, i = first; n < RACES && i < events.size(); n++, i += step) {
                while (simulator.deliveries().size() < i - 100 && System.nanoTime() < deadline) {
                    sleep(50);
                }
                String body = envelope(events.get(i), groupId);
                Map<String, String> headers = Map.of("Content-Type", "application/json", "kz-callback-token", CALLBACK_TOKEN);
                CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> simulator.webhooks().send(webhookId, body, headers), racers);
                CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> simulator.webhooks().send(webhookId, body, headers), racers);
                answers.computeIfAbsent(a.join(), s -> new AtomicInteger()).incrementAndGet();
                answers.computeIfAbsent(b.join(), s -> new AtomicInteger()).incrementAndGet();
            }
        }, racers);
    }

    /** The body Kaizala (the simulator) POSTs for this event to a group subscription without context. */
    private static String envelope(Event e, String groupId) {
        ObjectNode n = JSON.createObjectNode().put("objectId", groupId).put("objectType", "Group")
                .put("eventType", e.eventType()).put("eventId", e.eventId());
        n.set("data", e.data());
        n.put("fromUser", e.fromUser()).put("fromUserId", e.fromUserId()).put("fromUserName", e.fromUserName())
                .put("fromUserProfilePic", e.fromUserProfilePic());
        return n.toString();
    }

    private void awaitDeliveries(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (simulator.deliveries().size() < count && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    // ------------------------------------------------------------------ PostgreSQL and nginx

    private void readEnvironment() throws IOException {
        Path file = Path.of(System.getProperty("scaleout.dir", "/tmp/kaizala-scaleout"), "env.properties");
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run .ci/scaleout-env.sh first (the -Pscaleout build does)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            env.load(in);
        }
    }

    /** Runs a server as the non-root user of env.properties (PostgreSQL refuses root; nginx needs no root here). */
    private List<String> asServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (Boolean.parseBoolean(env.getProperty("run.as.root"))) {
            String user = env.getProperty("run.as");
            full.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        }
        full.addAll(command);
        return full;
    }

    private void startPostgres() throws Exception {
        pgPort = freePort();
        postgres = Child.startWatched("postgres", asServerUser(List.of(env.getProperty("pg.bin") + "/postgres",
                "-D", env.getProperty("pg.data"), "-p", Integer.toString(pgPort),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off",
                "-c", "max_connections=80", "-c", "log_min_messages=warning")), logs, "INT", Duration.ofMinutes(20));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection db = connect("postgres"); Statement s = db.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + DATABASE);
                break;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !postgres.alive()) {
                    throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage() + "\n" + postgres.tail(), e);
                }
                sleep(250);
            }
        }
        try (Connection db = connect(DATABASE); Statement s = db.createStatement()) {
            // no unique key: an event processed twice shows as two rows
            s.execute("CREATE TABLE processed (event_id VARCHAR(100) NOT NULL, instance VARCHAR(50) NOT NULL,"
                      + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), env.getProperty("pg.user"), "");
    }

    private void startNginx() throws Exception {
        nginxPort = freePort();
        Path prefix = Path.of(env.getProperty("nginx.prefix"));
        Files.deleteIfExists(prefix.resolve("access.log"));
        Files.deleteIfExists(prefix.resolve("error.log"));
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    log_format scaleout '$msec|$request_method|$status|$upstream_addr|$upstream_status|$request_time';
                    access_log %1$s/access.log scaleout;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream kaizala_instances {
                        server 127.0.0.1:%2$d max_fails=1 fail_timeout=2s;
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=2s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        location /kaizala/ {
                            proxy_pass http://kaizala_instances;
                            proxy_http_version 1.1;
                            # a POST goes to the next instance only when it could not be sent (refused connection):
                            # once sent, the instance may have processed it, and Kaizala's retry decides
                            proxy_next_upstream error timeout;
                            proxy_connect_timeout 1s;
                            proxy_read_timeout 30s;
                            client_max_body_size 1m;
                            client_body_buffer_size 1m;
                        }
                    }
                }
                """.formatted(prefix, instancePorts[0], instancePorts[1], nginxPort);
        Files.writeString(prefix.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
        nginx = Child.startWatched("nginx", asServerUser(List.of(env.getProperty("nginx"), "-p", prefix + "/",
                "-c", prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString())),
                logs, "TERM", Duration.ofMinutes(20));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", nginxPort), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !nginx.alive()) {
                    throw new IllegalStateException("nginx did not start:\n" + nginx.tail() + "\n"
                                                    + readIfExists(prefix.resolve("error.log")), e);
                }
                sleep(100);
            }
        }
    }

    /** Access log: POSTs per upstream (an instance, or "i2, i1" when nginx went on to the next one) and status. */
    private Map<String, Map<String, Integer>> nginxUpstreams() throws IOException {
        Path log = Path.of(env.getProperty("nginx.prefix"), "access.log");
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split("\\|");
            if (f.length < 6 || !"POST".equals(f[1])) {
                continue;
            }
            String upstream = f[3].replace("127.0.0.1:" + instancePorts[0], "i1").replace("127.0.0.1:" + instancePorts[1], "i2");
            counts.computeIfAbsent(upstream, u -> new TreeMap<>()).merge(f[2], 1, Integer::sum);
        }
        return counts;
    }

    private static String readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
