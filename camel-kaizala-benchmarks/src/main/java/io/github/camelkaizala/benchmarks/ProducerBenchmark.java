package io.github.camelkaizala.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;

/**
 * Messages/s and latency of the four clients at each concurrency, side by side: one JVM, one simulator per concurrency
 * (in a helper process), the same payload; each client warms up, then the clients take turns in measured rounds (rotated order),
 * and each one's rounds are added up. A closed loop: {@code concurrency} threads, each sending its next message once
 * the previous one is answered.
 */
final class ProducerBenchmark {

    /** One client at one concurrency, all measured rounds together. */
    record Figures(String client, int concurrency, long messages, long errors, long nanos, long[] sortedLatencies,
            long clientCpuNanos, long simulatorCpuNanos, long otherCpuNanos, String firstError) {

        double perSecond() {
            return messages * 1e9 / nanos;
        }

        double p50() {
            return Latencies.percentileMillis(sortedLatencies, 0.5);
        }

        double p99() {
            return Latencies.percentileMillis(sortedLatencies, 0.99);
        }

        /** CPU of the client's JVM (client, Camel, driver threads) per message, in microseconds. */
        double clientCpuMicros() {
            return messages == 0 ? Double.NaN : clientCpuNanos / 1e3 / messages;
        }

        double simulatorCpuMicros() {
            return messages == 0 ? Double.NaN : simulatorCpuNanos / 1e3 / messages;
        }

        /** CPU used by other processes of the machine meanwhile, in CPUs (1.0 = one CPU busy all along). */
        double otherCpus() {
            return otherCpuNanos / (double) nanos;
        }
    }

    /**
     * @param perRound per concurrency and client: its messages/s in each measured round, in round order (a round
     *                 measures every client back to back, so a burst of load from other processes weighs on all of
     *                 them alike, and the ratio of two clients in the same round is fair)
     */
    record Results(Map<Integer, Map<MessageClient.Kind, Figures>> byConcurrency, List<Figures> ceiling,
            Map<MessageClient.Kind, long[]> sentAndStored, Map<Integer, Map<MessageClient.Kind, double[]>> perRound) {

        /** {@code kind}'s messages/s over {@code floor}'s, round by round, sorted. */
        double[] ratios(int concurrency, MessageClient.Kind kind, MessageClient.Kind floor) {
            Map<MessageClient.Kind, double[]> rounds = perRound.get(concurrency);
            return Stats.ratios(rounds.get(kind), rounds.get(floor));
        }
    }

    private final Settings settings;
    private final MessageClient.Kind[] kinds;
    /** The simulator of the block being measured (null between blocks, or given by {@link ProfileMain}). */
    private Helper helper;

    ProducerBenchmark(Settings settings) {
        this(settings, null, MessageClient.Kind.values());
    }

    /** {@code helper}: measure against that simulator ({@link #measure}); null for {@link #run()}. */
    ProducerBenchmark(Settings settings, Helper helper, MessageClient.Kind... kinds) {
        this.settings = settings;
        this.helper = helper;
        this.kinds = kinds;
    }

    /**
     * Every concurrency in its own block: a fresh simulator process and fresh clients (the simulator keeps every message
     * and every event it was sent, some 2 KB each, and over millions of messages its heap, not the clients, would set
     * the pace), each client warmed up, then the measured rounds. The first block starts with the long warm-up.
     */
    Results run() throws Exception {
        Map<Integer, Map<MessageClient.Kind, Figures>> byConcurrency = new LinkedHashMap<>();
        Map<Integer, Map<MessageClient.Kind, double[]>> perRound = new LinkedHashMap<>();
        Map<MessageClient.Kind, long[]> sentAndStored = new EnumMap<>(MessageClient.Kind.class);
        for (MessageClient.Kind kind : kinds) {
            sentAndStored.put(kind, new long[2]);
        }
        boolean first = true;
        for (int concurrency : settings.concurrencies()) {
            block(concurrency, first, byConcurrency, perRound, sentAndStored);
            first = false;
        }
        List<Figures> ceiling = ceiling();
        return new Results(byConcurrency, ceiling, sentAndStored, perRound);
    }

    private void block(int concurrency, boolean first, Map<Integer, Map<MessageClient.Kind, Figures>> byConcurrency,
            Map<Integer, Map<MessageClient.Kind, double[]>> perRound, Map<MessageClient.Kind, long[]> sentAndStored)
            throws Exception {
        Map<MessageClient.Kind, MessageClient> clients = new EnumMap<>(MessageClient.Kind.class);
        Map<MessageClient.Kind, String> groups = new EnumMap<>(MessageClient.Kind.class);
        Map<MessageClient.Kind, AtomicLong> sent = new EnumMap<>(MessageClient.Kind.class);
        Quiet.before(settings, "producer at concurrency " + concurrency);
        try (Helper simulator = Helper.start()) {
            helper = simulator;
            String token = helper.issueAccessToken();
            try {
                for (MessageClient.Kind kind : kinds) {
                    String group = helper.newGroup("producer-" + kind.name());
                    groups.put(kind, group);
                    sent.put(kind, new AtomicLong());
                    clients.put(kind,
                            kind.create(new MessageClient.Target(helper.authUrl, helper.endpointUrl, group, token)));
                }
                if (first && !settings.initialWarmup().isZero()) {
                    Log.info("producer: warming every client up (%d s each at concurrency 16)",
                            settings.initialWarmup().toSeconds());
                    for (MessageClient.Kind kind : kinds) {
                        sent.get(kind).addAndGet(measure(clients.get(kind), 16, settings.initialWarmup()).messages());
                        helper.clearJournal();
                    }
                }
                Log.info("producer: concurrency %d", concurrency);
                for (MessageClient.Kind kind : kinds) {
                    Figures warm = measure(clients.get(kind), concurrency, settings.warmup());
                    sent.get(kind).addAndGet(warm.messages());
                    helper.clearJournal();
                }
                Map<MessageClient.Kind, List<Figures>> rounds = new EnumMap<>(MessageClient.Kind.class);
                for (int round = 0; round < settings.rounds(); round++) {
                    for (int i = 0; i < kinds.length; i++) {
                        MessageClient.Kind kind = kinds[(i + round) % kinds.length];
                        Figures f = measure(clients.get(kind), concurrency, settings.measure());
                        Log.info("    round %d %-24s %9.0f msg/s  (other processes: %.2f CPUs)", round + 1, kind.label,
                                f.perSecond(), f.otherCpus());
                        sent.get(kind).addAndGet(f.messages());
                        rounds.computeIfAbsent(kind, k -> new ArrayList<>()).add(f);
                        helper.clearJournal();
                    }
                }
                Map<MessageClient.Kind, Figures> row = new EnumMap<>(MessageClient.Kind.class);
                rounds.forEach((kind, list) -> row.put(kind, add(list)));
                byConcurrency.put(concurrency, row);
                Map<MessageClient.Kind, double[]> roundFigures = new EnumMap<>(MessageClient.Kind.class);
                rounds.forEach((kind, list) -> roundFigures.put(kind,
                        list.stream().mapToDouble(Figures::perSecond).toArray()));
                perRound.put(concurrency, roundFigures);
                row.forEach((kind, f) -> Log.info("  %-24s %9.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  errors %d",
                        kind.label, f.perSecond(), f.p50(), f.p99(), f.errors()));
                for (MessageClient.Kind kind : kinds) {
                    sentAndStored.get(kind)[0] += sent.get(kind).get();
                    sentAndStored.get(kind)[1] += helper.messageCount(groups.get(kind));
                }
            } finally {
                for (MessageClient c : clients.values()) {
                    c.close();
                }
                helper = null;
            }
        }
    }

    /** The lightest client against a fresh simulator at high concurrency: what the simulator can serve here. */
    private List<Figures> ceiling() throws Exception {
        List<Figures> ceiling = new ArrayList<>();
        try (Helper simulator = Helper.start(); CloseableHttpAsyncClient client = AsyncLoad.newClient(256)) {
            helper = simulator;
            String token = helper.issueAccessToken();
            MessageClient.Target target = new MessageClient.Target(helper.authUrl, helper.endpointUrl,
                    helper.newGroup("producer-ceiling"), token);
            byte[] json = ("{\"message\": \"" + MessageClient.TEXT + "\"}").getBytes(StandardCharsets.UTF_8);
            Supplier<SimpleHttpRequest> requests = () -> SimpleRequestBuilder.post(target.messagesUrl())
                    .setHeader("accessToken", token).setHeader("Accept", "application/json")
                    .setBody(json, ContentType.APPLICATION_JSON).build();
            for (int concurrency : settings.ceilingConcurrency()) {
                AsyncLoad.run(client, requests, concurrency, settings.warmup());
                helper.clearJournal();
                long machine = Cpu.machineBusyNanos();
                long cpu = Cpu.processNanos();
                long simCpu = helper.cpuNanos();
                AsyncLoad.Result r = AsyncLoad.run(client, requests, concurrency,
                        settings.measure().multipliedBy(Math.max(1, settings.rounds() / 2)));
                long cpuUsed = Cpu.processNanos() - cpu;
                long simCpuUsed = helper.cpuNanos() - simCpu;
                long other = Math.max(0, Cpu.machineBusyNanos() - machine - cpuUsed - simCpuUsed);
                Figures f = new Figures("simulator ceiling", concurrency, r.ok(), r.failed(), r.elapsedNanos(),
                        r.sortedLatencies(), cpuUsed, simCpuUsed, other, r.firstError());
                ceiling.add(f);
                helper.clearJournal();
                Log.info("  ceiling at %d: %9.0f msg/s  p50 %6.2f ms  p99 %6.2f ms  errors %d", concurrency,
                        f.perSecond(), f.p50(), f.p99(), f.errors());
            }
        } finally {
            helper = null;
        }
        return ceiling;
    }

    /** {@code concurrency} threads sending through {@code client} for {@code duration}. */
    Figures measure(MessageClient client, int concurrency, Duration duration) throws Exception {
        List<Latencies> latencies = new ArrayList<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[1];
        for (int i = 0; i < concurrency; i++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[0];
                long count = 0;
                long now = System.nanoTime();
                while (now < end) {
                    long start = now;
                    try {
                        client.send(MessageClient.TEXT);
                        now = System.nanoTime();
                        mine.add(now - start);
                        count++;
                    } catch (Exception e) {
                        now = System.nanoTime();
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
                ok.addAndGet(count);
            }, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        long machine = Cpu.machineBusyNanos();
        long simCpu = helper.cpuNanos();
        long cpu = Cpu.processNanos();
        long start = System.nanoTime();
        window[0] = start + duration.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        long cpuUsed = Cpu.processNanos() - cpu;
        long simCpuUsed = helper.cpuNanos() - simCpu;
        long other = Math.max(0, Cpu.machineBusyNanos() - machine - cpuUsed - simCpuUsed);
        return new Figures(client.name(), concurrency, ok.get(), errors.get(), elapsed, Latencies.merged(latencies),
                cpuUsed, simCpuUsed, other, firstError.get());
    }

    private static Figures add(List<Figures> rounds) {
        Figures first = rounds.get(0);
        long messages = 0;
        long errors = 0;
        long nanos = 0;
        long cpu = 0;
        long simCpu = 0;
        long other = 0;
        String error = null;
        List<long[]> all = new ArrayList<>();
        int total = 0;
        for (Figures f : rounds) {
            messages += f.messages();
            errors += f.errors();
            nanos += f.nanos();
            cpu += f.clientCpuNanos();
            simCpu += f.simulatorCpuNanos();
            other += f.otherCpuNanos();
            error = error != null ? error : f.firstError();
            all.add(f.sortedLatencies());
            total += f.sortedLatencies().length;
        }
        long[] merged = new long[total];
        int at = 0;
        for (long[] part : all) {
            System.arraycopy(part, 0, merged, at, part.length);
            at += part.length;
        }
        java.util.Arrays.sort(merged);
        return new Figures(first.client(), first.concurrency(), messages, errors, nanos, merged, cpu, simCpu, other,
                error);
    }
}
