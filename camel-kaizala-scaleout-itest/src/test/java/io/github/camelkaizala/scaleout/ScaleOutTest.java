package io.github.camelkaizala.scaleout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
import io.github.camelkaizala.cluster.Child;
import io.github.camelkaizala.cluster.Postgres;
import io.github.camelkaizala.simulator.Delivery;
import io.github.camelkaizala.simulator.Event;
import io.github.camelkaizala.simulator.Human;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.RecordedRequest;
import io.github.camelkaizala.simulator.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer instances ({@link ScaleOutInstance}, child JVMs) behind nginx, sharing PostgreSQL through camel-kaizala-cluster
 * (event ids, pacing, subscription lock, configured by properties), one Kaizala subscription pointing at nginx.
 *
 * <p>Exactly once: two instances. While the simulator delivers 5,000 events (10 % duplicates,
 * retries on non-2xx), instance 2 is SIGKILLed in the middle of processing an event (held inside its transaction)
 * and restarted, later instance 1 is SIGKILLed at a random moment and restarted, and 500 events are also POSTed twice
 * at once through nginx (so that both instances take the same id concurrently). Then every event the simulator
 * produced must be in the table {@code processed} exactly once.
 *
 *
 * <p>Pacing: three instances send a burst of messages under the simulator's throttle (per connector and per tenant);
 * one is killed in the middle. No call may be answered 429, and the calls must reach Kaizala at 90 % of the limit at
 * least, also after the kill.
 *
 * <p>One subscription: three instances subscribe at the same instant, repeatedly; each time one subscription is
 * created and the other two instances reuse it.
 *
 * <p>Needs {@code .ci/scaleout-env.sh} (run by the profile before the tests). Knobs (system properties):
 * {@code scaleout.events} (5000), {@code scaleout.repository} ({@code leased}; {@code jdbc} / {@code orphan} run
 * camel-sql's repositories as they are, which this test shows losing or doubling events), {@code scaleout.lease.ms}
 * (5000), {@code scaleout.races} (500), {@code scaleout.randomKill} (true); {@code scaleout.paceLimit} (60 calls a
 * minute per connector; the tenant gets three times as many), {@code scaleout.burst} (30 calls per instance);
 * {@code scaleout.startRepeats} (5), {@code scaleout.lock} (true; false shows the race the lock prevents).
 */
class ScaleOutTest {

    private static final int EVENTS = Integer.getInteger("scaleout.events", 5000);
    private static final double DUPLICATE_RATE = 0.1;
    private static final String REPOSITORY = System.getProperty("scaleout.repository", "leased");
    private static final long LEASE_MS = Long.getLong("scaleout.lease.ms", 5000);
    private static final int RACES = Integer.getInteger("scaleout.races", 500);
    private static final boolean RANDOM_KILL = Boolean.parseBoolean(System.getProperty("scaleout.randomKill", "true"));
    /** Kaizala's schedule is 6 retries from 45 min to 24 h; the same count, scaled down, still outlasting the lease. */
    private static final Duration[] RETRY_DELAYS = {Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)};
    private static final String CALLBACK_TOKEN = "scale-out-shared-callback-token";
    private static final String DATABASE = "kaizala_scaleout";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PACE_LIMIT = Integer.getInteger("scaleout.paceLimit", 60);
    private static final int BURST = Integer.getInteger("scaleout.burst", 30);
    private static final int START_REPEATS = Integer.getInteger("scaleout.startRepeats", 5);
    private static final boolean LOCK = Boolean.parseBoolean(System.getProperty("scaleout.lock", "true"));

    private final List<Child> instances = new ArrayList<>();
    private final Path logs = Path.of(System.getProperty("scaleout.logs", "target/scaleout-logs"));
    private Postgres postgres;
    private Child nginx;
    private KaizalaSimulator simulator;
    private ExecutorService racers;
    private int nginxPort;
    private int[] instancePorts;

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
            postgres.close();
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyEventIsProcessedExactlyOnceWhileInstancesAreKilledAndRestarted() throws Exception {
        long started = System.nanoTime();
        startShared(2, KaizalaSimulator.builder().duplicateRate(DUPLICATE_RATE).webhookRetryDelays(RETRY_DELAYS));
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
        try (Connection db = postgres.connect(DATABASE); Statement s = db.createStatement()) {
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

        List<Delivery> deliveries = simulator.deliveries().stream().filter(d -> d.webhookId().equals(webhookId))
                .toList();
        Map<Integer, Long> statuses = new TreeMap<>(deliveries.stream()
                .collect(Collectors.groupingBy(Delivery::status, Collectors.counting())));
        long duplicates = deliveries.stream().filter(d -> d.duplicate() && d.attempt() == 1).count();
        long retries = deliveries.stream().filter(d -> d.attempt() > 1).count();
        Map<String, Map<String, Integer>> upstreams = nginxUpstreams();

        String summary = String.join("\n",
                "Scale-out (" + REPOSITORY + " repository, lease " + LEASE_MS + " ms): " + EVENTS + " events, "
                        + deliveries.size() + " delivery attempts (" + duplicates + " duplicates, " + retries
                        + " retries; "
                        + "answers " + statuses + "), " + RACES + " events also POSTed twice at once (answers "
                        + new TreeMap<>(raceAnswers) + ")",
                "  kills: i2 while holding " + heldEventId + " (processed by " + processedBy.get(heldEventId)
                        + "; restarted, ready in " + restartMillis + " ms), random: " + randomKill,
                "  processed once: " + (produced.size() - missing.size() - doubles.size()) + ", missing: "
                        + missing.size()
                        + ", more than once: " + doubles.size() + ", unknown: " + unknown.size() + "; per instance "
                        + perInstance,
                "  nginx: per upstream and status " + upstreams,
                "  subscriptions: " + webhooksOf(groupId).size() + " (active: "
                        + webhooksOf(groupId).stream().allMatch(Webhook::active) + "), simulator idle: " + idle,
                "  time: set-up " + millis(started, setUp) + " ms, instances up " + millis(setUp, instancesUp)
                        + " ms, events delivered " + millis(instancesUp, deliveredAt) + " ms, in all "
                        + millisSince(started) + " ms");
        System.out.println(summary);
        writeSummary("summary.txt", summary);

        assertThat(idle).as("the simulator delivered everything").isTrue();
        assertThat(missing).as("events never processed").isEmpty();
        assertThat(doubles).as("events processed more than once").isEmpty();
        assertThat(unknown).isEmpty();
        assertThat(processedBy.get(heldEventId)).as("the held event, by another instance").hasSize(1)
                .doesNotContain("i2");
        assertThat(webhooksOf(groupId)).hasSize(1).allMatch(Webhook::active);
        assertThat(i2b.alive()).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void threeInstancesBurstingStayUnderTheThrottleAtNinetyPercentOfItEvenWhenOneIsKilled() throws Exception {
        long started = System.nanoTime();
        int tenantLimit = PACE_LIMIT * 3;
        startShared(3, KaizalaSimulator.builder().throttling(PACE_LIMIT, tenantLimit));
        String groupId = simulator.state().createGroup("Pacing").id();
        List<Child> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(launchInstance("pace" + (i + 1), i, groupId));
        }
        for (Child instance : three) {
            instance.await("READY .*", START_TIMEOUT);
        }
        Thread.sleep(3000); // the start-up calls (token, subscription) are paced too: let the bucket fill again

        long burstAt = System.nanoTime();
        for (Child instance : three) {
            instance.send("BURST " + groupId + " " + BURST);
        }
        // a third of the way through (the first calls go at once, then about one a second), kill one of them
        awaitMessages(groupId, BURST, Duration.ofMinutes(3));
        Instant killedAt = Instant.now();
        three.get(2).kill();
        String done1 = three.get(0).await("BURST DONE (.*)", Duration.ofMinutes(5));
        String done2 = three.get(1).await("BURST DONE (.*)", Duration.ofMinutes(5));
        long burstMillis = millisSince(burstAt);

        List<RecordedRequest> journal = simulator.journal().all();
        long throttled = journal.stream().filter(r -> r.status() == 429).count();
        List<Instant> sent = journal.stream()
                .filter(r -> "POST".equals(r.method()) && r.resourcePath().matches("/groups/.+/messages")
                        && r.status() == 200)
                .map(RecordedRequest::receivedAt).sorted().toList();
        List<Instant> afterKill = sent.stream().filter(t -> t.isAfter(killedAt)).toList();
        double rate = perMinute(sent);
        double rateAfterKill = perMinute(afterKill);
        String summary = String.join("\n",
                "Pacing: 3 instances x " + BURST + " messages at once, shared limit " + PACE_LIMIT
                        + "/min per connector, "
                        + tenantLimit + "/min per tenant (simulator throttle the same); pace3 killed at message "
                        + (sent.size()
                                - afterKill.size()),
                "  answers 429: " + throttled + "; messages sent " + sent.size() + "; aggregate rate "
                        + String.format("%.1f", rate) + "/min (" + Math.round(100 * rate / PACE_LIMIT)
                        + " % of the limit), after the kill "
                        + String.format("%.1f", rateAfterKill) + "/min (" + Math.round(100 * rateAfterKill / PACE_LIMIT)
                        + " %)"
                        + "; most in any minute " + mostInAMinute(sent),
                "  pace1 " + done1 + ", pace2 " + done2 + "; burst " + burstMillis + " ms, in all "
                        + millisSince(started) + " ms");
        writeSummary("pacing.txt", summary);

        assertThat(throttled).as("calls answered 429 by the simulator's throttle").isZero();
        assertThat(done1).isEqualTo("ok=" + BURST + " failed=0");
        assertThat(done2).isEqualTo("ok=" + BURST + " failed=0");
        assertThat(mostInAMinute(sent)).isLessThanOrEqualTo(PACE_LIMIT);
        assertThat(rate).as("aggregate rate, calls a minute").isGreaterThanOrEqualTo(0.9 * PACE_LIMIT);
        assertThat(rateAfterKill).as("rate of the two survivors: nothing kept by the dead one")
                .isGreaterThanOrEqualTo(0.9 * PACE_LIMIT);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void threeInstancesSubscribingAtTheSameInstantCreateOneSubscription() throws Exception {
        startShared(3, KaizalaSimulator.builder());
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < START_REPEATS; i++) {
            groups.add(simulator.state().createGroup("Start " + i).id());
        }
        List<Child> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // serving every group's callback from the start; subscribing only when told, all three at once
            three.add(launchInstance("start" + (i + 1), i, String.join(",", groups), "-Dregister.on.command=true",
                    "-Dlock=" + LOCK));
        }
        for (Child instance : three) {
            instance.await("READY .*", START_TIMEOUT);
        }

        List<String> rounds = new ArrayList<>();
        List<Integer> subscriptions = new ArrayList<>();
        for (String groupId : groups) {
            for (Child instance : three) {
                instance.send("REGISTER " + groupId);
            }
            List<String> answers = new ArrayList<>();
            for (Child instance : three) {
                answers.add(instance.await("REGISTER\\w* " + groupId + " (.*)", Duration.ofMinutes(2)));
            }
            rounds.add(answers.toString());
            subscriptions.add(webhooksOf(groupId).size());
        }
        writeSummary("concurrent-start.txt", "Concurrent start (lock " + LOCK + "): 3 instances subscribing at once, "
                + START_REPEATS + " times: subscriptions per round " + subscriptions
                + "\n  answers " + String.join("\n          ", rounds));

        assertThat(subscriptions).as("subscriptions per round").allMatch(n -> n == 1);
        for (String round : rounds) {
            assertThat(round).as("one instance created it, the other two reused it: " + round)
                    .containsOnlyOnce(" created").doesNotContain("Exception");
        }
    }

    private void awaitMessages(String groupId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (simulator.journal().count("POST",
                "/groups/" + java.util.regex.Pattern.quote(groupId) + "/messages") < count
                && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    /** Calls a minute from the first to the last. */
    private static double perMinute(List<Instant> times) {
        if (times.size() < 2) {
            return 0;
        }
        long millis = Duration.between(times.get(0), times.get(times.size() - 1)).toMillis();
        return (times.size() - 1) * 60_000.0 / Math.max(1, millis);
    }

    /** The most calls within any 60 s, as Kaizala (and the simulator's throttle) counts them. */
    private static int mostInAMinute(List<Instant> sorted) {
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (Duration.between(sorted.get(j), sorted.get(i)).toMillis() >= 60_000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    // ------------------------------------------------------------------ the instances

    private Child startInstance(String name, int slot, String groupId, int holdAt) throws Exception {
        Child instance = launchInstance(name, slot, groupId, "-Dhold.at=" + holdAt);
        instance.await("READY .*", START_TIMEOUT);
        return instance;
    }

    /** Starts an instance serving the callbacks of {@code groupIds} (comma-separated), without waiting for it. */
    private Child launchInstance(String name, int slot, String groupIds, String... more) throws Exception {
        String classpath = System.getProperty("scaleout.classes") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("scaleout.classpath"))).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath,
                "-Dinstance=" + name,
                "-Dport=" + instancePorts[slot],
                "-Djdbc.url=" + postgres.jdbcUrl(DATABASE),
                "-Djdbc.user=" + postgres.user(),
                "-Dkaizala.auth-url=" + simulator.authUrl(),
                "-Dkaizala.application-id=" + KaizalaSimulator.DEFAULT_APPLICATION_ID,
                "-Dkaizala.application-secret=" + KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "-Dkaizala.refresh-token=" + KaizalaSimulator.DEFAULT_REFRESH_TOKEN,
                "-Dkaizala.callback-token=" + CALLBACK_TOKEN,
                "-Dkaizala.group-ids=" + groupIds,
                "-Dkaizala.public-url=http://127.0.0.1:" + nginxPort,
                "-Drepository=" + REPOSITORY,
                "-Dlease.ms=" + LEASE_MS,
                "-Dconnector.limit=" + PACE_LIMIT,
                "-Dtenant.limit=" + PACE_LIMIT * 3,
                "-Dmax.lifetime.s=1200"));
        command.addAll(List.of(more));
        command.add(ScaleOutInstance.class.getName());
        Child instance = Child.start(name, command, logs);
        instances.add(instance);
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
                Map<String, String> headers = Map.of("Content-Type", "application/json", "kz-callback-token",
                        CALLBACK_TOKEN);
                CompletableFuture<Integer> a = CompletableFuture
                        .supplyAsync(() -> simulator.webhooks().send(webhookId, body, headers), racers);
                CompletableFuture<Integer> b = CompletableFuture
                        .supplyAsync(() -> simulator.webhooks().send(webhookId, body, headers), racers);
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

    // ------------------------------------------------------------------ PostgreSQL, nginx, the simulator

    /** PostgreSQL (database {@value #DATABASE} with the table processed), nginx in front of {@code count} instance ports, the simulator. */
    private void startShared(int count, KaizalaSimulator.Builder simulatorBuilder) throws Exception {
        postgres = Postgres.start(logs, DATABASE);
        try (Connection db = postgres.connect(DATABASE); Statement s = db.createStatement()) {
            // no unique key: an event processed twice shows as two rows
            s.execute("CREATE TABLE processed (event_id VARCHAR(100) NOT NULL, instance VARCHAR(50) NOT NULL,"
                    + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        }
        instancePorts = new int[count];
        for (int i = 0; i < count; i++) {
            instancePorts[i] = Postgres.freePort();
        }
        startNginx();
        simulator = simulatorBuilder.start();
    }

    private void writeSummary(String file, String summary) throws IOException {
        System.out.println(summary);
        Files.createDirectories(logs);
        Files.writeString(logs.resolve(file), summary + "\n", StandardCharsets.UTF_8);
    }

    private void startNginx() throws Exception {
        Properties env = postgres.env();
        nginxPort = Postgres.freePort();
        Path prefix = Path.of(env.getProperty("nginx.prefix"));
        Files.deleteIfExists(prefix.resolve("access.log"));
        Files.deleteIfExists(prefix.resolve("error.log"));
        StringBuilder upstreams = new StringBuilder();
        for (int port : instancePorts) {
            upstreams.append("        server 127.0.0.1:").append(port).append(" max_fails=1 fail_timeout=2s;\n");
        }
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
                %2$s    }
                    server {
                        listen 127.0.0.1:%3$d;
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
                """.formatted(prefix, upstreams, nginxPort);
        Files.writeString(prefix.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
        nginx = Child.startWatched("nginx",
                Postgres.asServerUser(env, List.of(env.getProperty("nginx"), "-p", prefix + "/",
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
        Path log = Path.of(postgres.env().getProperty("nginx.prefix"), "access.log");
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split("\\|");
            if (f.length < 6 || !"POST".equals(f[1])) {
                continue;
            }
            String upstream = f[3];
            for (int i = 0; i < instancePorts.length; i++) {
                upstream = upstream.replace("127.0.0.1:" + instancePorts[i], "i" + (i + 1));
            }
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
