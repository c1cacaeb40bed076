package io.github.camelkaizala.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link SendBenchmark} under JMH's GC profiler: bytes allocated per message, and single-thread messages/s. */
final class AllocationBenchmark {

    record Figures(MessageClient.Kind client, double bytesPerMessage, double messagesPerSecond, double error) {}

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
        String group = helper.newGroup("jmh");
        String token = helper.issueAccessToken();
        List<String> properties = List.of(
                "-D" + SendBenchmark.AUTH_URL + "=" + helper.authUrl,
                "-D" + SendBenchmark.ENDPOINT_URL + "=" + helper.endpointUrl,
                "-D" + SendBenchmark.GROUP_ID + "=" + group,
                "-D" + SendBenchmark.TOKEN + "=" + token);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SendBenchmark.class.getName())
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
            List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m",
                    "-Dlog4j2.configurationFile=bench-log4j2.properties"));
            jvm.addAll(properties);
            options.jvmArgs(jvm.toArray(String[]::new));
        } else {
            for (String p : properties) {
                String[] kv = p.substring(2).split("=", 2);
                System.setProperty(kv[0], kv[1]);
            }
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<MessageClient.Kind, Figures> figures = new EnumMap<>(MessageClient.Kind.class);
        Map<ConsumerBenchmark.Route, EventFigures> events = new EnumMap<>(ConsumerBenchmark.Route.class);
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().contains("EventBenchmark")) {
                ConsumerBenchmark.Route route = ConsumerBenchmark.Route.valueOf(r.getParams().getParam("route"));
                Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
                events.put(route, new EventFigures(route, r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(), alloc == null ? Double.NaN : alloc.getScore(),
                        cpuPerEvent(route.name())));
                continue;
            }
            MessageClient.Kind kind = MessageClient.Kind.valueOf(r.getParams().getParam("client"));
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            Result<?> primary = r.getPrimaryResult();
            figures.put(kind, new Figures(kind, alloc == null ? Double.NaN : alloc.getScore(), primary.getScore(),
                    primary.getScoreError()));
        }
        figures.values().forEach(f -> Log.info("allocation: %-24s %,10.0f B/message  %,8.0f msg/s (1 thread)",
                f.client().label, f.bytesPerMessage(), f.messagesPerSecond()));
        events.values().forEach(f -> Log.info("events: %-34s %,8.0f ns/event (thread CPU %,6.0f ns)  %,8.0f B/event",
                f.route().label, f.nanosPerEvent(), f.cpuNanosPerEvent(), f.bytesPerEvent()));
        return new Results(figures, events);
    }
}
