package io.github.camelkaizala.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelkaizala.benchmarks.BenchmarkMain.Results;
import io.github.camelkaizala.benchmarks.ConsumerBenchmark.Route;
import io.github.camelkaizala.benchmarks.MessageClient.Kind;

/** docs/benchmarks.md from one run's results: tables with figures and ratios, a paragraph per section, the targets. */
final class Report {

    /** The producer concurrency the targets are judged at. */
    static final int TARGET_CONCURRENCY = 16;

    private final Results r;
    private final StringBuilder md = new StringBuilder();

    private Report(Results r) {
        this.r = r;
    }

    static String render(Results results, String command) {
        return new Report(results).build(command);
    }

    /**
     * One target: what, the figure, met or not; a {@code reference} row is measured against a target but is not one
     * (the default producer, which keeps the guarantee the target's opt-in gives up).
     */
    record Target(String what, String figure, boolean met, boolean reference) {

        Target(String what, String figure, boolean met) {
            this(what, figure, met, false);
        }
    }

    /** The producer's and consumer's throughput target: this share of the baseline, median of rounds. */
    static final double THROUGHPUT_TARGET = 0.95;
    /** Allocation per sent message: at most this many times the bare client's. */
    static final double ALLOCATION_TARGET = 1.15;
    /** Start-up: the example's first message this soon after the JVM started (median, default JVM options). */
    static final long STARTUP_TARGET_MILLIS = 2000;

    static List<Target> targets(Results r) {
        List<Target> targets = new ArrayList<>();
        for (var e : r.producer().byConcurrency().entrySet()) {
            int c = e.getKey();
            if (c < TARGET_CONCURRENCY) {
                continue;
            }
            for (Kind kind : new Kind[]{Kind.KAIZALA_IO, Kind.KAIZALA}) {
                double[] vs = r.producer().ratios(c, kind, Kind.HTTPCLIENT5);
                String figure = spread(vs, true) + "; totals " + num(e.getValue().get(kind).perSecond()) + " vs "
                        + num(e.getValue().get(Kind.HTTPCLIENT5).perSecond()) + " msg/s";
                boolean met = Stats.median(vs) >= THROUGHPUT_TARGET;
                targets.add(kind == Kind.KAIZALA_IO
                        ? new Target("Producer (" + kind.label + ") at concurrency " + c + " ≥ "
                                + pct(THROUGHPUT_TARGET) + " of the bare HttpClient 5 client", figure, met)
                        : new Target("*Reference, not a target:* the default producer (" + kind.label + ", each answer"
                                + " handed to the completion threads, so that a step that blocks cannot stall the I/O"
                                + " threads) at concurrency " + c + " against the same " + pct(THROUGHPUT_TARGET),
                                figure,
                                met, true));
            }
        }
        Map<Kind, ProducerBenchmark.Figures> row = r.producer().byConcurrency().get(TARGET_CONCURRENCY);
        if (row != null) {
            double[] vsRoute = r.producer().ratios(TARGET_CONCURRENCY, Kind.KAIZALA, Kind.CAMEL_HTTP);
            targets.add(new Target("Producer (" + Kind.KAIZALA.label + ") at concurrency 16 above the camel-http route",
                    spread(vsRoute, false) + "; totals " + num(row.get(Kind.KAIZALA).perSecond()) + " vs "
                            + num(row.get(Kind.CAMEL_HTTP).perSecond()) + " msg/s",
                    Stats.median(vsRoute) > 1.0));
        }
        for (var e : r.consumer().byConcurrency().entrySet()) {
            double[] vs = r.consumer().ratios(e.getKey(), Route.KAIZALA);
            targets.add(new Target("Consumer ≥ " + pct(THROUGHPUT_TARGET) + " of the bare platform-http route ("
                    + e.getKey() + " connections)",
                    spread(vs, true) + "; totals " + num(e.getValue().get(Route.KAIZALA).perSecond()) + " vs "
                            + num(e.getValue().get(Route.BARE).perSecond()) + " events/s",
                    Stats.median(vs) >= THROUGHPUT_TARGET));
        }
        AllocationBenchmark.Figures floor = r.jmh().send().get(Kind.HTTPCLIENT5);
        for (Kind kind : new Kind[]{Kind.KAIZALA, Kind.KAIZALA_IO}) {
            AllocationBenchmark.Figures f = r.jmh().send().get(kind);
            if (f != null && floor != null) {
                double ratio = f.bytesPerMessage() / floor.bytesPerMessage();
                targets.add(new Target("Allocation per sent message (" + kind.label + ") ≤ " + x(ALLOCATION_TARGET)
                        + " the bare client",
                        x(ratio) + " (" + num(f.bytesPerMessage()) + " vs "
                                + num(floor.bytesPerMessage()) + " bytes, median of 5 runs)",
                        ratio <= ALLOCATION_TARGET));
            }
        }
        boolean tokensMet = r.tokens().stream().allMatch(TokenBenchmark.Figures::met);
        targets.add(new Target("One token-service call per expiry under " + r.settings().tokenExchanges()
                + " concurrent exchanges",
                String.join(", ", r.tokens().stream()
                        .map(t -> Integer.toString(t.tokenCalls())).toList()) + " call(s), "
                        + r.tokens().stream().mapToLong(TokenBenchmark.Figures::failed).sum() + " failed exchanges",
                tokensMet));
        UploadBenchmark.Figures small = r.upload().uploads().get(0);
        UploadBenchmark.Figures large = r.upload().uploads().get(1);
        boolean flat = large.stored() == large.size()
                && large.liveMidUpload() - small.liveMidUpload() < 16 * Settings.MIB;
        targets.add(new Target("Heap flat while uploading " + mib(large.size()) + " (−Xmx" + r.upload().heap() + ")",
                "live heap mid-upload " + mib(large.liveMidUpload()) + " vs " + mib(small.liveMidUpload()) + " for "
                        + mib(small.size()) + " (" + x(ratio(large.liveMidUpload(), small.liveMidUpload())) + ")",
                flat));
        long[] first = startup(r, StartupBenchmark.Variant.DEFAULT, StartupBenchmark.Figures::firstMessageMillis);
        if (first.length > 0) {
            targets.add(new Target(
                    "The example's first message within " + STARTUP_TARGET_MILLIS + " ms of the JVM's start"
                            + " (default JVM options)",
                    median(first) + " ms (median of " + first.length
                            + " launches, range " + first[0] + "–" + first[first.length - 1] + " ms)",
                    median(first) <= STARTUP_TARGET_MILLIS));
        }
        return targets;
    }

    /** One figure of the start-up runs of a variant, sorted. */
    static long[] startup(Results r, StartupBenchmark.Variant variant,
            java.util.function.ToLongFunction<StartupBenchmark.Figures> figure) {
        return r.startup().stream().filter(f -> f.variant() == variant).mapToLong(figure).sorted().toArray();
    }

    /** "96 % (median of 10 rounds; middle half 93–99 %, range 85–104 %)". */
    static String spread(double[] sorted, boolean percent) {
        if (sorted.length == 0) {
            return "no rounds";
        }
        java.util.function.DoubleFunction<String> f = percent ? v -> String.format(Locale.ROOT, "%.0f", v * 100)
                : v -> String.format(Locale.ROOT, "%.2f", v);
        String unit = percent ? " %" : "×";
        return f.apply(Stats.median(sorted)) + unit + " (median of " + sorted.length + " rounds; middle half "
                + f.apply(Stats.quantile(sorted, 0.25)) + "–" + f.apply(Stats.quantile(sorted, 0.75)) + unit
                + ", range "
                + f.apply(sorted[0]) + "–" + f.apply(sorted[sorted.length - 1]) + unit + ")";
    }

    private String build(String command) {
        Machine m = r.machine();
        line("# Benchmarks");
        line();
        line("The `kaizala:` component against what a user would otherwise write, side by side in one run. "
                + "Generated by the harness in `camel-kaizala-benchmarks`; do not edit by hand — rerun the command.");
        line();
        line("| | |");
        line("| --- | --- |");
        line("| command | `" + command + "` ("
                + (r.settings().full() ? "full run" : "**smoke run — figures not meaningful**")
                + ", " + r.took().toSeconds() + " s) |");
        line("| date | " + r.date().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT)) + " |");
        line("| machine | " + m.cpus() + " CPUs (`nproc`), " + m.cpuModel() + ", " + m.memory() + " RAM, " + m.os()
                + " |");
        line("| JVM | " + m.jvm() + " |");
        line("| libraries | Camel " + m.camel() + ", HttpClient 5 " + m.httpClient5() + ", Vert.x " + m.vertx()
                + ", Jackson " + m.jackson() + " |");
        line("| other processes | " + dec(r.othersAtStart(), 2)
                + " CPUs busy with other processes when the run started; "
                + "the tables give the same for each measurement (*others*) |");
        line();
        line("**How it runs.** One JVM (`-Xms1g -Xmx1g`, G1) holds every client and server being measured; a second JVM, "
                + "the *helper* (`-Xmx4g`, Parallel GC; a fresh one for each concurrency and each scenario, since the simulator keeps every message it was sent), runs the Kaizala simulator and the consumers' load generator, so "
                + "that their CPU and garbage are not counted against the clients (but they share the same "
                + m.cpus() + " CPUs). "
                + "Producers run a closed loop: *N* threads, each sending its next message when the previous one is "
                + "answered, the same 92-character text for every client. Every client first warms up for "
                + r.settings().initialWarmup().toMillis() + " ms at concurrency 16 (the JIT needs a while for a Camel "
                + "route's deep call stacks), then at each concurrency again for " + r.settings().warmup().toMillis()
                + " ms; then the clients take turns in " + r.settings().rounds()
                + " measured rounds of " + r.settings().measure().toMillis()
                + " ms, in a rotated order; a client's figures "
                + "add its rounds up. *Client CPU* is the measured JVM's CPU time per message (client, Camel, the driver's "
                + "threads), *simulator CPU* the helper's. Ratios are against the bare HttpClient 5 client at the same "
                + "concurrency, computed round by round (a round measures every client back to back, so a burst of load "
                + "from other processes weighs on all of them alike) and reported as their median with the middle half "
                + "(25th–75th percentile) and the range of the rounds. Before each scenario"
                + (r.settings().full()
                        ? " the run waits (at most " + r.settings().quietWait().toSeconds() + " s) until "
                                + "other processes use less than " + dec(r.settings().quietThreshold(), 1) + " CPUs"
                        : " (smoke run: no wait)")
                + "; the *others* columns say how much they used during each measurement.");
        line();
        line("## Targets");
        line();
        line("| target | figure | met |");
        line("| --- | --- | --- |");
        for (Target t : targets(r)) {
            line("| " + t.what() + " | " + t.figure() + " | " + (t.reference() ? (t.met() ? "(yes)" : "(no)")
                    : t.met() ? "**yes**" : "**no**") + " |");
        }
        line();
        producer();
        consumer();
        tokens();
        memory();
        startup();
        appendResource("benchmarks-notes.md");
        return md.toString();
    }

    private void producer() {
        line("## 1. Producer: `kaizala:messages` against the baselines");
        line();
        line("| client | what it is |");
        line("| --- | --- |");
        line("| " + Kind.KAIZALA.label + " | `from(\"direct:send\").to(\"kaizala:messages?groupId=…\")` with "
                + "`rateLimit=0`, `maxRetries=0`; fetches and caches its own token; the exchange continues on the component's "
                + "completion threads once Kaizala answered (the default) |");
        line("| " + Kind.KAIZALA_IO.label
                + " | the same route with `continueOnIoThread=true`: the exchange continues on "
                + "HttpClient's I/O thread (the route has no step after the producer, so it qualifies) |");
        line("| " + Kind.CAMEL_HTTP.label + " | `setHeader(\"accessToken\", …)`, content type, method, "
                + "`setBody(simple(\"{\\\"message\\\": \\\"${body}\\\"}\"))`, `toD(\"http://…/v1/groups/${header.groupId}/messages\")`, "
                + "`unmarshal().json()` for the referenceId; pre-fetched token; camel-http pool raised to 200 per host |");
        line("| " + Kind.HTTPCLIENT5.label
                + " | the floor: `CloseableHttpAsyncClient` (the component's own transport), "
                + "pre-fetched token, JSON concatenated, answer checked but not parsed; the thread waits on the future |");
        line("| " + Kind.JDK.label + " | `java.net.http.HttpClient` (HTTP/1.1), same request, blocking `send` |");
        line();
        for (var e : r.producer().byConcurrency().entrySet()) {
            int c = e.getKey();
            Map<Kind, ProducerBenchmark.Figures> row = e.getValue();
            line("### Concurrency " + c);
            line();
            line("| client | messages/s | vs HttpClient 5: median of rounds (middle half; range) | p50 ms | p99 ms | client CPU µs/msg | simulator CPU µs/msg | messages | errors | others (CPUs) |");
            line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Kind k : Kind.values()) {
                ProducerBenchmark.Figures f = row.get(k);
                double[] vs = r.producer().ratios(c, k, Kind.HTTPCLIENT5);
                line("| " + (k == Kind.KAIZALA || k == Kind.KAIZALA_IO ? "**" + k.label + "**" : k.label) + " | "
                        + num(f.perSecond()) + " | "
                        + cell(vs) + " | " + dec(f.p50(), 2) + " | " + dec(f.p99(), 2) + " | "
                        + dec(f.clientCpuMicros(), 0) + " | " + dec(f.simulatorCpuMicros(), 0) + " | " + f.messages()
                        + " | "
                        + f.errors() + " | " + dec(f.otherCpus(), 2) + " |");
            }
            line();
        }
        line("### The simulator's ceiling");
        line();
        line("The lightest client there is — HttpClient 5 async, each request sent from the previous one's callback, no "
                + "thread waiting — at high concurrency, for "
                + r.settings().measure().multipliedBy(Math.max(1, r.settings().rounds() / 2)).toMillis()
                + " ms each:");
        line();
        line("| concurrency | messages/s | p50 ms | p99 ms | client CPU µs/msg | simulator CPU µs/msg | errors | others (CPUs) |");
        line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double ceiling = 0;
        for (ProducerBenchmark.Figures f : r.producer().ceiling()) {
            ceiling = Math.max(ceiling, f.perSecond());
            line("| " + f.concurrency() + " | " + num(f.perSecond()) + " | " + dec(f.p50(), 2) + " | " + dec(f.p99(), 2)
                    + " | " + dec(f.clientCpuMicros(), 0) + " | " + dec(f.simulatorCpuMicros(), 0) + " | " + f.errors()
                    + " | "
                    + dec(f.otherCpus(), 2) + " |");
        }
        line();
        double best = 0;
        for (var row : r.producer().byConcurrency().values()) {
            for (ProducerBenchmark.Figures f : row.values()) {
                best = Math.max(best, f.perSecond());
            }
        }
        line("Messages each client sent (answered with a referenceId) and the simulator stored in that client's group:");
        line();
        line("| client | sent | stored by the simulator |");
        line("| --- | ---: | ---: |");
        r.producer().sentAndStored().forEach((k, v) -> line("| " + k.label + " | " + v[0] + " | " + v[1] + " |"));
        line();
        Map<Kind, ProducerBenchmark.Figures> t = r.producer().byConcurrency().get(TARGET_CONCURRENCY);
        StringBuilder p = new StringBuilder("**Reading it.** ");
        if (t != null) {
            ProducerBenchmark.Figures k = t.get(Kind.KAIZALA);
            ProducerBenchmark.Figures h = t.get(Kind.HTTPCLIENT5);
            ProducerBenchmark.Figures c = t.get(Kind.CAMEL_HTTP);
            p.append(String.format(Locale.ROOT, "At concurrency 16 the component sends %s messages/s, %s of the bare "
                    + "HttpClient 5 client and %s the camel-http route (medians of the round-by-round ratios); it spends "
                    + "%s µs of CPU per message against the floor's %s µs and the route's %s µs. ", num(k.perSecond()),
                    pct(Stats.median(r.producer().ratios(TARGET_CONCURRENCY, Kind.KAIZALA, Kind.HTTPCLIENT5))),
                    x(Stats.median(r.producer().ratios(TARGET_CONCURRENCY, Kind.KAIZALA, Kind.CAMEL_HTTP))),
                    dec(k.clientCpuMicros(), 0), dec(h.clientCpuMicros(), 0), dec(c.clientCpuMicros(), 0)));
        }
        p.append(String.format(Locale.ROOT, "The simulator's ceiling (%s messages/s) is %s the best client figure "
                + "(%s messages/s)", num(ceiling), x(ratio(ceiling, best)), num(best)));
        p.append(ceiling > best * 1.1
                ? ", so the simulator is not what limits the clients. "
                : ": client and simulator share two CPUs, so every figure is bounded by the *sum* of both sides' CPU per "
                        + "message — compare the client CPU column, which is the clients' own cost. ");
        p.append("With two cores shared by client, simulator and the driver's threads, absolute figures mean little; "
                + "the ratios between clients measured in the same run are what this table is for.");
        line(p.toString());
        line();
    }

    private void consumer() {
        line("## 2. Consumer: `kaizala:events` against a bare `platform-http` route");
        line();
        line("Three routes in one Camel context on platform-http (Vert.x, loopback), the same ~520-byte TextMessageCreated "
                + "delivery with a new `eventId` each time, POSTed by a closed-loop HttpClient 5 async load generator in the "
                + "helper process (so *server CPU* below is the measured JVM alone). Each route warms up before each of its "
                + r.settings().rounds() + " measured rounds of " + r.settings().measure().toMillis() + " ms.");
        line();
        line("| route | what it does |");
        line("| --- | --- |");
        line("| " + Route.KAIZALA.label
                + " | `from(\"kaizala:events?groupId=…&callbackToken=…\")`: constant-time token "
                + "check, size limit, parse into a typed `KaizalaEvent`, de-duplication by `eventId` (in-memory, 10 000), "
                + "headers, routing, 200 |");
        line("| " + Route.BARE.label
                + " | `from(\"platform-http:/bare/events\")` counting the request, empty 200: the floor |");
        line("| " + Route.HAND.label
                + " | what the component does, written in the DSL: `choice()` on the token header, "
                + "`unmarshal().json()`, `idempotentConsumer(${body[eventId]})` |");
        line();
        for (var e : r.consumer().byConcurrency().entrySet()) {
            line("### " + e.getKey() + " connections");
            line();
            line("| route | events/s | vs bare platform-http: median of rounds (middle half; range) | p50 ms | p99 ms | server CPU µs/event | events | failed | others (CPUs) |");
            line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Route route : Route.values()) {
                ConsumerBenchmark.Figures f = e.getValue().get(route);
                double[] vs = r.consumer().ratios(e.getKey(), route);
                line("| " + (route == Route.KAIZALA ? "**" + route.label + "**" : route.label) + " | "
                        + num(f.perSecond())
                        + " | " + cell(vs) + " | " + dec(f.p50(), 2) + " | " + dec(f.p99(), 2) + " | "
                        + dec(f.serverCpuMicros(), 0) + " | " + f.events() + " | " + f.failed() + " | "
                        + dec(f.otherCpus(), 2) + " |");
            }
            line();
        }
        line("Deliveries answered 2xx and events the route took: "
                + String.join(", ", r.consumer().sentAndRouted().entrySet().stream()
                        .map(e -> e.getKey().label + " " + e.getValue()[0] + " / " + e.getValue()[1]).toList())
                + ". After the load, a redelivered `eventId` was "
                + (r.consumer().duplicateDropped() ? "answered 200 and not routed again" : "**routed again**")
                + ", a wrong `kz-callback-token` "
                + (r.consumer().wrongTokenRefused() ? "refused with 401" : "**not refused**") + ".");
        line();
        line("The component's own work per event, without the network (`EventBenchmark`, JMH): a delivery as "
                + "platform-http on Vert.x hands it over (a `Buffer` body, the request's headers) through the callback "
                + "handler and a route that counts, against the same route alone. *CPU per event* is the delivering "
                + "thread's CPU time (median of 5 runs of " + (r.settings().full() ? "50 000" : "2 000")
                + " events), which other processes do not inflate; JMH's average time is wall time.");
        line();
        line("| route | CPU ns/event | over bare | JMH avg ns/event | bytes/event |");
        line("| --- | ---: | ---: | ---: | ---: |");
        AllocationBenchmark.EventFigures bareEvent = r.jmh().events().get(Route.BARE);
        for (Route route : Route.values()) {
            AllocationBenchmark.EventFigures f = r.jmh().events().get(route);
            if (f != null) {
                line("| " + (route == Route.KAIZALA ? "**" + route.label + "**" : route.label) + " | "
                        + num(f.cpuNanosPerEvent()) + " | "
                        + (bareEvent == null ? "–" : "+" + num(f.cpuNanosPerEvent() - bareEvent.cpuNanosPerEvent()))
                        + " | "
                        + num(f.nanosPerEvent()) + pm(f.error()) + " | " + num(f.bytesPerEvent()) + " |");
            }
        }
        line();
        StringBuilder p = new StringBuilder("**Reading it.** ");
        for (var e : r.consumer().byConcurrency().entrySet()) {
            ConsumerBenchmark.Figures k = e.getValue().get(Route.KAIZALA);
            ConsumerBenchmark.Figures b = e.getValue().get(Route.BARE);
            ConsumerBenchmark.Figures h = e.getValue().get(Route.HAND);
            p.append(String.format(Locale.ROOT, "With %d connections the component takes %s events/s, %s of the bare "
                    + "route and %s the hand-written one, at %s µs of server CPU per event against the bare route's %s µs. ",
                    e.getKey(), num(k.perSecond()), pct(Stats.median(r.consumer().ratios(e.getKey(), Route.KAIZALA))),
                    x(Stats.median(Stats.ratios(r.consumer().perRound().get(e.getKey()).get(Route.KAIZALA),
                            r.consumer().perRound().get(e.getKey()).get(Route.HAND)))),
                    dec(k.serverCpuMicros(), 0), dec(b.serverCpuMicros(), 0)));
        }
        AllocationBenchmark.EventFigures ke = r.jmh().events().get(Route.KAIZALA);
        AllocationBenchmark.EventFigures be = r.jmh().events().get(Route.BARE);
        if (ke != null && be != null) {
            p.append(String.format(Locale.ROOT, "Without the network the component's work — token check, parse into "
                    + "typed data, de-duplication, headers — costs %s ns of CPU per event over the bare route, a small "
                    + "share of the %s µs the whole HTTP exchange costs the server; the load generator shares the "
                    + "same two CPUs, so throughput differences of a few percent are within the run-to-run spread.",
                    num(ke.cpuNanosPerEvent() - be.cpuNanosPerEvent()),
                    dec(r.consumer().byConcurrency().values().iterator().next().get(Route.BARE).serverCpuMicros(), 0)));
        }
        line(p.toString());
        line();
    }

    private void tokens() {
        line("## 3. Tokens under concurrency");
        line();
        line("The component fetches its own access token (`GET /accessToken`), with one request however many exchanges "
                + "need it. Counted from the simulator's journal:");
        line();
        line("| scenario | exchanges sent | failed | token-service calls | expected |");
        line("| --- | ---: | ---: | ---: | ---: |");
        for (TokenBenchmark.Figures f : r.tokens()) {
            line("| " + f.scenario() + " | " + f.sent() + " | " + f.failed() + " | **" + f.tokenCalls() + "** | "
                    + f.expected() + " |");
        }
        line();
        line("**Reading it.** " + (r.tokens().stream().allMatch(TokenBenchmark.Figures::met)
                ? "One call each time: the renewal is single-flight (the first exchange that needs a token starts the "
                        + "request, the others wait on the same future), a 401 renews only the token that was refused, and a "
                        + "token close to its end is renewed once before it ends, with no exchange failing."
                : "**Not one call each time** — see the failed rows."));
        line();
    }

    private void memory() {
        line("## 4. Memory");
        line();
        line("### Uploading a generated stream through `kaizala:media/upload`");
        line();
        line("A separate JVM with `-Xmx" + r.upload().heap()
                + "` uploads an `InputStream` that makes its bytes as they "
                + "are read (nothing on disk, nothing in memory) through `from(\"direct:…\").to(\"kaizala:media/upload\")`. "
                + "*Live heap mid-upload* is the heap in use right after a full GC forced when half the stream has been "
                + "read — what the upload holds; *max after GC* is the highest heap after any collection during the upload; "
                + "*peak used* is sampled every millisecond and includes garbage not yet collected. The route is either "
                + "`noStreamCaching()` (how a route that uploads big streams should be written) or left with Camel's "
                + "defaults.");
        line();
        UploadBenchmark.Figures small = r.upload().uploads().get(0);
        line("| route | upload | live heap mid-upload | vs 1st row | max after GC | peak used | time | MiB/s | stored by the simulator |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (UploadBenchmark.Figures f : r.upload().uploads()) {
            line("| "
                    + ("streaming".equals(f.route()) ? "`noStreamCaching()`"
                            : "Camel defaults (stream caching in memory)")
                    + " | " + mib(f.size()) + " | " + mib(f.liveMidUpload()) + " | "
                    + x(ratio(f.liveMidUpload(), small.liveMidUpload()))
                    + " | " + mib(f.maxAfterGc()) + " | " + mib(f.peakUsed()) + " | " + f.millis() + " ms | "
                    + dec(f.mibPerSecond(), 0) + " | "
                    + (f.stored() == f.size() ? "all " + f.size() + " bytes" : "**" + f.stored() + " bytes**") + " |");
        }
        line();
        UploadBenchmark.Figures large = r.upload().uploads().get(1);
        UploadBenchmark.Figures cached = r.upload().uploads().get(r.upload().uploads().size() - 1);
        line(String.format(Locale.ROOT,
                "**Reading it.** %s is uploaded by a JVM whose whole heap is %s, and the heap the "
                        + "upload keeps is the same as for %s (%s vs %s): the component streams the body in 64 KiB pieces as "
                        + "the connection takes them (chunked, since a stream's length is unknown) and never holds it. The last "
                        + "row is the trap: Camel 4 turns a stream body into an in-memory stream cache when it enters a route "
                        + "(stream caching is on by default, spooling to disk off), before any producer sees it — half-way "
                        + "through %s the heap already holds %s more than the streaming route%s. A route that uploads big streams should say `noStreamCaching()` (or enable "
                        + "spooling); a `File` or `Path` body (e.g. from `file:`) is streamed from disk either way.",
                mib(large.size()), r.upload().heap().toUpperCase(Locale.ROOT).replace("M", " MiB"), mib(small.size()),
                mib(large.liveMidUpload()), mib(small.liveMidUpload()), mib(cached.size()),
                mib(cached.liveMidUpload() - small.liveMidUpload()),
                large.size() >= heapBytes(r.upload().heap())
                        ? ", and a " + mib(large.size()) + " stream would not fit in "
                                + "this heap at all"
                        : ""));
        line();
        line("### Bytes allocated per sent message");
        line();
        line("One thread sends one message and waits for the answer, " + num(r.settings().allocationWarmup())
                + " messages to warm up, then 5 runs of " + num(r.settings().allocationMessages())
                + " messages; the bytes "
                + "are the JVM's own per-thread allocation counters (`ThreadMXBean.getThreadAllocatedBytes`) added up over "
                + "every thread of the clients' JVM (caller, Camel, the component's completion threads, HTTP I/O). The "
                + "simulator runs in the helper process and is not counted. Unlike time, this does not depend on how busy "
                + "the machine is: the spread of the runs is a few tenths of a percent. `AllocationBudgetTest`, part of "
                + "`mvn -B -ntp verify`, checks the same figure against a committed budget.");
        line();
        line("| client | bytes/message (median) | runs (min–max) | vs HttpClient 5 |");
        line("| --- | ---: | ---: | ---: |");
        AllocationBenchmark.Figures floor = r.jmh().send().get(Kind.HTTPCLIENT5);
        for (Kind k : Kind.values()) {
            AllocationBenchmark.Figures f = r.jmh().send().get(k);
            if (f != null) {
                line("| " + (k == Kind.KAIZALA || k == Kind.KAIZALA_IO ? "**" + k.label + "**" : k.label) + " | "
                        + num(f.bytesPerMessage()) + " | " + num(f.runs()[0]) + "–" + num(f.runs()[f.runs().length - 1])
                        + " | " + (floor == null ? "–" : x(ratio(f.bytesPerMessage(), floor.bytesPerMessage())))
                        + " |");
            }
        }
        line();
        AllocationBenchmark.Figures k = r.jmh().send().get(Kind.KAIZALA);
        AllocationBenchmark.Figures io = r.jmh().send().get(Kind.KAIZALA_IO);
        AllocationBenchmark.Figures c = r.jmh().send().get(Kind.CAMEL_HTTP);
        if (k != null && io != null && c != null && floor != null) {
            line(String.format(Locale.ROOT, "**Reading it.** The component allocates %s bytes per message (%s with "
                    + "`continueOnIoThread`): %s the bare client, which builds the request and reads the answer and "
                    + "nothing more, and %s the camel-http route. Beyond the bare client: a Camel exchange through a "
                    + "route (about 1.4 kB here, whatever the endpoint), the operation's request model and its JSON, the "
                    + "answer's JSON read into `ReferenceResponse` and its header.", num(k.bytesPerMessage()),
                    num(io.bytesPerMessage()), x(ratio(k.bytesPerMessage(), floor.bytesPerMessage())),
                    x(ratio(k.bytesPerMessage(), c.bytesPerMessage()))));
            line();
        }
    }

    private void startup() {
        line("## 5. Start-up of the example application");
        line();
        line("`java [options] -cp … " + StartupBenchmark.MAIN
                + "` (Camel Main, YAML and Java routes, the `kaizala:events` "
                + "consumer on platform-http, the embedded simulator), launched " + r.settings().startupRuns()
                + " time(s) per "
                + "variant: wall time from the process start to Camel's *started* line and to its first message to Kaizala "
                + "(*Posted the survey*), the CPU time the process had used by then (all its threads; other processes do not "
                + "inflate it), and its resident memory.");
        line();
        line("| JVM options | run | Camel started | first message | CPU by then | RSS at first message | exit |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        int i = 1;
        for (StartupBenchmark.Figures f : r.startup()) {
            line("| " + f.variant().label + " | " + i++ + " | " + f.camelStartedMillis() + " ms | "
                    + f.firstMessageMillis()
                    + " ms | " + f.cpuMillis() + " ms | " + dec(f.rssKib() / 1024.0, 0) + " MiB | " + f.exitMillis()
                    + " ms, code " + f.exitCode() + ", " + f.messagesPosted() + " posted |");
        }
        line();
        StringBuilder p = new StringBuilder("**Reading it.** Medians:");
        for (StartupBenchmark.Variant v : StartupBenchmark.Variant.values()) {
            long[] first = startup(r, v, StartupBenchmark.Figures::firstMessageMillis);
            if (first.length > 0) {
                p.append(String.format(Locale.ROOT,
                        " %s — Camel started at %d ms, first message at %d ms, %d ms of CPU;",
                        v.label, median(startup(r, v, StartupBenchmark.Figures::camelStartedMillis)), median(first),
                        median(startup(r, v, StartupBenchmark.Figures::cpuMillis))));
            }
        }
        p.setLength(p.length() - 1);
        p.append(
                ". The survey route's timer fires as Camel has started (`delay: 0`: the `kaizala:events` consumer "
                        + "subscribes as its route starts, so before that); before that, the JVM loads "
                        + "and initialises some thousands of classes (Camel Main, the YAML DSL, Vert.x for platform-http, Jackson, "
                        + "HttpClient, the simulator's server) — CPU time beyond the wall time means several threads were busy "
                        + "at once. The example's class path here is the benchmark module's (a superset).");
        line(p.toString());
        line();
    }

    private void appendResource(String name) {
        try (InputStream in = Report.class.getResourceAsStream("/" + name)) {
            if (in != null) {
                md.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        line();
        closing();
    }

    private void closing() {
        line("## Closing note");
        line();
        List<Target> targets = targets(r);
        for (Target t : targets) {
            line("- " + (t.reference() ? (t.met() ? "Reached" : "Not reached") : t.met() ? "**Met**" : "**Not met**")
                    + ": " + t.what() + " — " + t.figure() + ".");
        }
        line();
        Map<Kind, ProducerBenchmark.Figures> row = r.producer().byConcurrency().get(TARGET_CONCURRENCY);
        boolean producerShort = targets.stream().anyMatch(t -> !t.met() && t.what().startsWith("Producer"));
        boolean defaultShort = targets.stream().anyMatch(t -> !t.met() && t.reference());
        boolean consumerShort = targets.stream().anyMatch(t -> !t.met() && t.what().startsWith("Consumer"));
        boolean allocationShort = targets.stream().anyMatch(t -> !t.met() && t.what().startsWith("Allocation"));
        boolean startupShort = targets.stream().anyMatch(t -> !t.met() && t.what().startsWith("The example"));
        boolean othersBusy = r.othersAtStart() > 0.2 || maxOthers() > 0.2;
        if (othersBusy) {
            line(String.format(Locale.ROOT, "**This run shared the machine**: other processes took up to %s CPUs of %d "
                    + "during the measurements (the *others* columns). Figures taken meanwhile are lower and noisier, "
                    + "and a client that wakes more threads per message suffers more from it; rerun on a quiet machine "
                    + "before reading small differences.", dec(maxOthers(), 2), r.machine().cpus()));
            line();
        }
        if ((producerShort || defaultShort) && row != null) {
            line(String.format(Locale.ROOT, "*Producer — where the CPU goes.* On %d CPUs the client, the simulator and "
                    + "the driver's threads share one CPU budget, so throughput follows the sum of both sides' CPU per "
                    + "message. At concurrency 16 the component spends %s µs of client CPU per message with "
                    + "`continueOnIoThread` and %s µs by default, against the bare client's %s µs: a Camel exchange "
                    + "(template, route, unit of work) and the JSON mapping both ways; by default also the hand-off of "
                    + "every answer from HttpClient's I/O thread to the completion threads (one per CPU, on one queue: a "
                    + "thread wake-up per message while they are idle, fewer under load), the price of the guarantee that "
                    + "a step that blocks cannot stall other calls. A route whose steps after the producer never block "
                    + "can take `continueOnIoThread=true` (the user guide says when that is safe); section 6 lists what "
                    + "was measured and changed.", r.machine().cpus(),
                    dec(row.get(Kind.KAIZALA_IO).clientCpuMicros(), 0), dec(row.get(Kind.KAIZALA).clientCpuMicros(), 0),
                    dec(row.get(Kind.HTTPCLIENT5).clientCpuMicros(), 0)));
            line();
        }
        if (consumerShort) {
            AllocationBenchmark.EventFigures ke = r.jmh().events().get(Route.KAIZALA);
            AllocationBenchmark.EventFigures be = r.jmh().events().get(Route.BARE);
            line(String.format(Locale.ROOT, "*Consumer — why, and what would meet it.* The component's own work costs "
                    + "%s ns of CPU and %s bytes per event over the bare route (table in section 2, no network), against "
                    + "tens of microseconds of server CPU for the HTTP exchange itself, with the load generator, the "
                    + "server and other processes on the same %d CPUs: parsing the delivery (about half of it, most "
                    + "of that Jackson's own reading of the bytes), de-duplication, the headers. Section 6 measures each "
                    + "part and what could still be taken from it.",
                    ke == null || be == null ? "?" : num(ke.cpuNanosPerEvent() - be.cpuNanosPerEvent()),
                    ke == null || be == null ? "?" : num(ke.bytesPerEvent() - be.bytesPerEvent()), r.machine().cpus()));
            line();
        }
        if (allocationShort) {
            line("*Allocation — why, and what would meet it.* What a message allocates beyond the bare client is, "
                    + "measured piece by piece in section 6: the Camel exchange and route, the request's model and JSON, the "
                    + "answer's JSON read through Jackson's databind; section 6 lists the measured changes that would close "
                    + "the gap and the files they are in.");
            line();
        }
        if (startupShort) {
            long[] cpu = startup(r, StartupBenchmark.Variant.DEFAULT, StartupBenchmark.Figures::cpuMillis);
            StringBuilder p = new StringBuilder(String.format(Locale.ROOT,
                    "*Start-up — why, and what would meet it.* By "
                            + "its first message the example's JVM has used %d ms of CPU (median) on %d CPUs: class loading and "
                            + "initialisation, and the JIT compilers.",
                    median(cpu), r.machine().cpus()));
            for (StartupBenchmark.Variant v : new StartupBenchmark.Variant[]{StartupBenchmark.Variant.C1_ONLY,
                    StartupBenchmark.Variant.APP_CDS}) {
                long[] first = startup(r, v, StartupBenchmark.Figures::firstMessageMillis);
                if (first.length > 0) {
                    p.append(String.format(Locale.ROOT, " With %s: first message at %d ms, %d ms of CPU.", v.label,
                            median(first), median(startup(r, v, StartupBenchmark.Figures::cpuMillis))));
                }
            }
            p.append(
                    " Next step: the start-up aid that moved the figure, in the example's launch instructions (it is a "
                            + "JVM option, not the component's code); section 6 discusses it.");
            line(p.toString());
            line();
        }
        if (targets.stream().allMatch(t -> t.met() || t.reference())) {
            line("Every target is met in this run.");
            line();
        }
    }

    private double maxOthers() {
        double max = 0;
        for (var row : r.producer().byConcurrency().values()) {
            for (ProducerBenchmark.Figures f : row.values()) {
                max = Math.max(max, f.otherCpus());
            }
        }
        for (var row : r.consumer().byConcurrency().values()) {
            for (ConsumerBenchmark.Figures f : row.values()) {
                max = Math.max(max, f.otherCpus());
            }
        }
        return max;
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length / 2];
    }

    private void line() {
        md.append('\n');
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /** "96 % (93–99; 85–104 %)": the median of round-by-round ratios, its middle half and its range. */
    static String cell(double[] sorted) {
        if (sorted.length == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f %% (%.0f–%.0f; %.0f–%.0f %%)", Stats.median(sorted) * 100,
                Stats.quantile(sorted, 0.25) * 100, Stats.quantile(sorted, 0.75) * 100, sorted[0] * 100,
                sorted[sorted.length - 1] * 100);
    }

    static long heapBytes(String xmx) {
        String v = xmx.toLowerCase(Locale.ROOT);
        long n = Long.parseLong(v.replaceAll("[^0-9]", ""));
        return v.endsWith("g") ? n << 30 : v.endsWith("m") ? n << 20 : v.endsWith("k") ? n << 10 : n;
    }

    static String pm(double error) {
        return Double.isNaN(error) ? "" : " ± " + num(error);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String x(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String dec(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String mib(long bytes) {
        return bytes >= Settings.MIB * 10 ? String.format(Locale.ROOT, "%,.0f MiB", bytes / (double) Settings.MIB)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) Settings.MIB);
    }
}
