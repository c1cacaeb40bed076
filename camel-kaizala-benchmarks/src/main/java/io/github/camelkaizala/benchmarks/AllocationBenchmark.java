package io.github.camelkaizala.benchmarks;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Bytes allocated per sent message, per producer client ({@link Allocation}: the JVM's per-thread counters, exact and
 * independent of load), and {@link EventBenchmark} under JMH's GC profiler for the consumer side.
 */
final class AllocationBenchmark {

    /** {@code runs}: bytes per message of each run, sorted; the figure is their median. */
    record Figures(MessageClient.Kind client, double bytesPerMessage, double[] runs) {}

    /**
     * The consumer side ({@link EventBenchmark}): JMH's average time and bytes per event, and the CPU time the
     * delivering thread spent per event (thread CPU time, median of 5 runs: unlike wall time, not inflated by
     * other processes waiting for the same CPUs).
     */
    record EventFigures(ConsumerBenchmark.Route route, double nanosPerEvent, double error, double bytesPerEvent,
            double cpuNanosPerEvent) {}

    record Results(Map<MessageClient.Kind, Figures> send, Map<ConsumerBenchmark.Route, EventFigures> events) {}

    private final Settings settings;

    AllocationBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Thread CPU time per delivery through {@link EventBenchmark}'s route, in this JVM: median of 5 runs. */
    double cpuPerEvent(String route) throws Exception {
        EventBenchmark bench = new EventBenchmark();
        bench.route = route;
        bench.start();
        try {
            int batch = settings.full() ? 50_000 : 2_000;
            for (int i = 0; i < batch * 4; i++) {
                bench.deliver();
            }
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            double[] runs = new double[5];
            for (int r = 0; r < runs.length; r++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < batch; i++) {
                    bench.deliver();
                }
                runs[r] = (threads.getCurrentThreadCpuTime() - start) / (double) batch;
            }
            java.util.Arrays.sort(runs);
            return runs[runs.length / 2];
        } finally {
            bench.stop();
        }
    }

    Results run(Helper helper) throws Exception {
        Map<MessageClient.Kind, Figures> figures = sends(helper);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(EventBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .forks(settings.jmhForks())
                .threads(1)
                .warmupIterations(settings.jmhWarmups())
                .warmupTime(TimeValue.milliseconds(settings.jmhIteration().toMillis()))
                .measurementIterations(settings.jmhIterations())
                .measurementTime(TimeValue.milliseconds(settings.jmhIteration().toMillis()))
                .shouldFailOnError(true)
                .verbosity(settings.full() ? VerboseMode.NORMAL : VerboseMode.SILENT);
        if (settings.jmhForks() > 0) {
            options.jvmArgs(java.util.stream.Stream.concat(java.util.stream.Stream.of("-Xms512m", "-Xmx512m"),
                    Jvm.QUIET_LOGGING.stream()).toArray(String[]::new));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<ConsumerBenchmark.Route, EventFigures> events = new EnumMap<>(ConsumerBenchmark.Route.class);
        for (RunResult r : results) {
            ConsumerBenchmark.Route route = ConsumerBenchmark.Route.valueOf(r.getParams().getParam("route"));
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            events.put(route, new EventFigures(route, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(), alloc == null ? Double.NaN : alloc.getScore(),
                    cpuPerEvent(route.name())));
        }
        events.values().forEach(f -> Log.info("events: %-34s %,8.0f ns/event (thread CPU %,6.0f ns)  %,8.0f B/event",
                f.route().label, f.nanosPerEvent(), f.cpuNanosPerEvent(), f.bytesPerEvent()));
        return new Results(figures, events);
    }

    /** Each producer client in turn, one thread sending: bytes per message (median of runs). */
    private Map<MessageClient.Kind, Figures> sends(Helper helper) throws Exception {
        String token = helper.issueAccessToken();
        Map<MessageClient.Kind, Figures> figures = new EnumMap<>(MessageClient.Kind.class);
        for (MessageClient.Kind kind : MessageClient.Kind.values()) {
            try (MessageClient client = kind.create(new MessageClient.Target(helper.authUrl, helper.endpointUrl,
                    helper.newGroup("allocation-" + kind.name()), token))) {
                double[] runs = Allocation.perMessage(client, settings.allocationWarmup(),
                        settings.allocationMessages(), 5);
                figures.put(kind, new Figures(kind, Stats.median(runs), runs));
                Log.info("allocation: %-36s %,10.0f B/message (runs %,.0f–%,.0f)", kind.label, Stats.median(runs),
                        runs[0], runs[runs.length - 1]);
            }
            helper.clearJournal();
        }
        return figures;
    }
}
