package io.github.camelkaizala.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Events/s into three routes of one Camel context on platform-http (Vert.x) on loopback: {@code kaizala:events} (token
 * check, parse, de-duplication, routing), a bare {@code platform-http} route that only counts, and the hand-written
 * equivalent of the component on platform-http. The load generator (HttpClient 5 async, closed loop) runs in the helper
 * process, so this JVM's CPU is the server's.
 */
final class ConsumerBenchmark {

    static final String CALLBACK_TOKEN = "bench-callback-token";

    enum Route {

        KAIZALA("kaizala:events route"),
        BARE("bare platform-http route"),
        HAND("hand-written platform-http route");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    record Figures(Route route, int concurrency, long events, long failed, long nanos, double p50, double p99,
            long serverCpuNanos, long otherCpuNanos, String firstError) {

        double otherCpus() {
            return otherCpuNanos / (double) nanos;
        }

        double perSecond() {
            return events * 1e9 / nanos;
        }

        double serverCpuMicros() {
            return events == 0 ? Double.NaN : serverCpuNanos / 1e3 / events;
        }
    }

    /** Figures per concurrency and route; {@code sentAndRouted} per route: answered 2xx, and taken by the route. */
    /** {@code perRound}: per concurrency and route, its events/s in each measured round, in round order. */
    record Results(Map<Integer, Map<Route, Figures>> byConcurrency, Map<Route, long[]> sentAndRouted,
            boolean duplicateDropped, boolean wrongTokenRefused, Map<Integer, Map<Route, double[]>> perRound) {

        /** {@code route}'s events/s over the bare route's, round by round, sorted. */
        double[] ratios(int concurrency, Route route) {
            return Stats.ratios(perRound.get(concurrency).get(route), perRound.get(concurrency).get(Route.BARE));
        }
    }

    private final Settings settings;
    private final Helper helper;

    ConsumerBenchmark(Settings settings, Helper helper) {
        this.settings = settings;
        this.helper = helper;
    }

    private final Map<Route, AtomicLong> routed = new EnumMap<>(Route.class);
    private final Map<Route, String> urls = new EnumMap<>(Route.class);

    /** The three routes on one platform-http server; the caller closes the context. */
    private CamelContext start() throws Exception {
        int port = freePort();
        for (Route r : Route.values()) {
            routed.put(r, new AtomicLong());
        }
        String groupId = EventPayload.GROUP_ID;
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        KaizalaComponent kaizala = new KaizalaComponent();
        kaizala.getConfiguration().setAuthUrl(helper.authUrl);
        kaizala.getConfiguration().setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        kaizala.getConfiguration().setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        kaizala.getConfiguration().setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        context.addComponent("kaizala", kaizala);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                // the subscription is not registered with the simulator: the load generator plays Kaizala
                from("kaizala:events?groupId=" + groupId + "&webhookExternalUrl=http://127.0.0.1:" + port
                        + "&allowInsecureWebhookUrl=true&webhookAutoRegister=false&callbackToken=RAW(" + CALLBACK_TOKEN
                        + ")")
                        .routeId("kaizala")
                        .process(e -> routed.get(Route.KAIZALA).incrementAndGet());

                from("platform-http:/bare/events?httpMethodRestrict=POST").routeId("bare")
                        .process(e -> {
                            routed.get(Route.BARE).incrementAndGet();
                            e.getMessage().setBody(null);
                        });

                // what the component does, written by hand: token check, JSON, de-duplication by eventId
                from("platform-http:/hand/events?httpMethodRestrict=POST").routeId("hand")
                        .choice()
                        .when(header("kz-callback-token").isNotEqualTo(CALLBACK_TOKEN))
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(401))
                        .setBody(constant("unauthorized"))
                        .otherwise()
                        .unmarshal().json(Map.class)
                        .idempotentConsumer(simple("${body[eventId]}"),
                                MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
                        .process(e -> routed.get(Route.HAND).incrementAndGet())
                        .end()
                        .setBody(constant(null))
                        .end();
            }
        });
        context.start();
        urls.put(Route.KAIZALA, "http://127.0.0.1:" + port + "/kaizala/events/" + groupId);
        urls.put(Route.BARE, "http://127.0.0.1:" + port + "/bare/events");
        urls.put(Route.HAND, "http://127.0.0.1:" + port + "/hand/events");
        return context;
    }

    /** One route alone for a long time, to profile it ({@link ProfileMain}). */
    String profile(Route route, int concurrency, java.time.Duration time) throws Exception {
        try (CamelContext context = start()) {
            long[] sent = new long[1];
            Figures f = measureOnce(route, concurrency, time.dividedBy(3).toMillis(), time.toMillis(), sent);
            return String.format(java.util.Locale.ROOT, "%s at %d: %.0f events/s, p50 %.2f ms, p99 %.2f ms, server CPU "
                    + "%.0f µs/event, failed %d, routed %d of %d", route.label, concurrency, f.perSecond(), f.p50(),
                    f.p99(),
                    f.serverCpuMicros(), f.failed(), routed.get(route).get(), sent[0]);
        }
    }

    private Figures measureOnce(Route route, int concurrency, long warmMillis, long measureMillis, long[] sent)
            throws IOException {
        long[] atStart = new long[3];
        String[] answer = helper.load(urls.get(route), CALLBACK_TOKEN, concurrency, warmMillis, measureMillis, () -> {
            atStart[0] = Cpu.processNanos();
            atStart[1] = Cpu.machineBusyNanos();
        });
        long cpu = Cpu.processNanos() - atStart[0];
        long machine = Cpu.machineBusyNanos() - atStart[1];
        // the helper (load generator) reports its own CPU for the measured run
        long other = Math.max(0, machine - cpu - Long.parseLong(answer[8]));
        long ok = Long.parseLong(answer[0]);
        long failed = Long.parseLong(answer[1]) + Long.parseLong(answer[6]);
        sent[0] += ok + Long.parseLong(answer[3]);
        return new Figures(route, concurrency, ok, failed, Long.parseLong(answer[2]), Double.parseDouble(answer[4]),
                Double.parseDouble(answer[5]), cpu, other, "-".equals(answer[7]) ? null : answer[7]);
    }

    Results run() throws Exception {
        CamelContext context = start();
        try {
            Map<Route, long[]> sent = new EnumMap<>(Route.class);
            for (Route r : Route.values()) {
                sent.put(r, new long[1]);
            }
            Map<Integer, Map<Route, Figures>> byConcurrency = new LinkedHashMap<>();
            Map<Integer, Map<Route, double[]>> perRound = new LinkedHashMap<>();
            Route[] routes = Route.values();
            if (!settings.initialWarmup().isZero()) {
                Log.info("consumer: warming every route up (%d s each at 16 connections)",
                        settings.initialWarmup().toSeconds() / 2);
                for (Route route : routes) {
                    measureOnce(route, 16, settings.initialWarmup().toMillis() / 4,
                            settings.initialWarmup().toMillis() / 4,
                            sent.get(route));
                }
            }
            for (int concurrency : settings.consumerConcurrencies()) {
                Log.info("consumer: concurrency %d", concurrency);
                Map<Route, List<Figures>> rounds = new EnumMap<>(Route.class);
                for (int round = 0; round < settings.rounds(); round++) {
                    for (int i = 0; i < routes.length; i++) {
                        Route route = routes[(i + round) % routes.length];
                        // the first round's warm-up is longer: it is the route's first load at this concurrency
                        long warm = (round == 0 ? settings.warmup() : settings.warmup().dividedBy(5)).toMillis();
                        Figures f = measureOnce(route, concurrency, warm, settings.measure().toMillis(),
                                sent.get(route));
                        Log.info("    round %d %-34s %9.0f events/s  (other processes: %.2f CPUs)", round + 1,
                                route.label, f.perSecond(), f.otherCpus());
                        rounds.computeIfAbsent(route, k -> new ArrayList<>()).add(f);
                    }
                }
                Map<Route, Figures> row = new EnumMap<>(Route.class);
                rounds.forEach((route, list) -> row.put(route, add(list)));
                byConcurrency.put(concurrency, row);
                Map<Route, double[]> roundFigures = new EnumMap<>(Route.class);
                rounds.forEach((route, list) -> roundFigures.put(route,
                        list.stream().mapToDouble(Figures::perSecond).toArray()));
                perRound.put(concurrency, roundFigures);
                row.forEach((route, f) -> Log.info("  %-34s %9.0f events/s  p50 %6.2f ms  p99 %6.2f ms  failed %d",
                        route.label, f.perSecond(), f.p50(), f.p99(), f.failed()));
            }
            Map<Route, long[]> sentAndRouted = new EnumMap<>(Route.class);
            for (Route r : Route.values()) {
                sentAndRouted.put(r, new long[]{sent.get(r)[0], routed.get(r).get()});
            }
            // the component's contract, checked once after the load: a redelivery is answered but not routed again,
            // a wrong token is refused
            long before = routed.get(Route.KAIZALA).get();
            int first = post(urls.get(Route.KAIZALA), CALLBACK_TOKEN, "dup-check");
            int again = post(urls.get(Route.KAIZALA), CALLBACK_TOKEN, "dup-check");
            boolean duplicateDropped = first == 200 && again == 200 && routed.get(Route.KAIZALA).get() == before + 1;
            boolean wrongTokenRefused = post(urls.get(Route.KAIZALA), "wrong", "token-check") == 401
                    && routed.get(Route.KAIZALA).get() == before + 1;
            return new Results(byConcurrency, sentAndRouted, duplicateDropped, wrongTokenRefused, perRound);
        } finally {
            context.close();
        }
    }

    private static int post(String url, String token, String eventId) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("kz-callback-token", token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(EventPayload.json(eventId))).build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Figures add(List<Figures> rounds) {
        Figures first = rounds.get(0);
        long events = 0;
        long failed = 0;
        long nanos = 0;
        long cpu = 0;
        long other = 0;
        double p50 = 0;
        double p99 = 0;
        String error = null;
        for (Figures f : rounds) {
            events += f.events();
            failed += f.failed();
            nanos += f.nanos();
            cpu += f.serverCpuNanos();
            other += f.otherCpuNanos();
            // rounds have the same length: their percentiles are averaged (the generator reports percentiles only)
            p50 += f.p50() / rounds.size();
            p99 += f.p99() / rounds.size();
            error = error != null ? error : f.firstError();
        }
        return new Figures(first.route(), first.concurrency(), events, failed, nanos, p50, p99, cpu, other, error);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
