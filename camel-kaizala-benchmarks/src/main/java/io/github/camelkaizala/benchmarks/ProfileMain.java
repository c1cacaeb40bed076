package io.github.camelkaizala.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * One scenario, alone and for long, to profile it: {@code producer KIND CONCURRENCY SECONDS} or
 * {@code consumer ROUTE CONCURRENCY SECONDS}, e.g. with
 * {@code java -XX:StartFlightRecording=filename=producer.jfr,settings=profile -cp … ProfileMain producer KAIZALA 16 30}.
 * A warm-up of a third of the time comes first. {@code compare KIND,KIND… CONCURRENCY SECONDS ROUNDS [WARMUP]} runs those
 * producers side by side as the full run does (rounds of SECONDS each, after a warm-up of WARMUP seconds, SECONDS
 * by default), to compare two builds of the component. {@code alloc KIND,KIND… 1 RUNS} prints the bytes each client
 * allocates per message, as {@code AllocationBudgetTest} counts them (one thread, median of RUNS runs of 2000 messages
 * after 5000 to warm up).
 */
public final class ProfileMain {

    private ProfileMain() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        String which = args[1];
        int concurrency = Integer.parseInt(args[2]);
        Duration time = Duration.ofSeconds(Long.parseLong(args[3]));
        Settings settings = new Settings(true, Duration.ZERO, time.dividedBy(3), time, 1, new int[]{concurrency},
                new int[0], new int[]{concurrency}, 256, Duration.ZERO, 0, 0, 0, "256m", 0, 0, Duration.ZERO, 0, 0, 0,
                0,
                Double.POSITIVE_INFINITY, Duration.ZERO);
        try (Helper helper = Helper.start()) {
            if ("alloc".equals(what)) {
                for (String kind : which.split(",")) {
                    try (MessageClient client = MessageClient.Kind.valueOf(kind)
                            .create(new MessageClient.Target(helper.authUrl, helper.endpointUrl,
                                    helper.newGroup("alloc-" + kind), helper.issueAccessToken()))) {
                        int runs = Integer.parseInt(args[3]);
                        double[] perRun = Allocation.perMessage(client, 5000, 2000, runs);
                        System.out.println(String.format(Locale.ROOT, "%-12s %8.0f B/message (runs %.0f–%.0f)", kind,
                                perRun[runs / 2], perRun[0], perRun[runs - 1]));
                    }
                }
            } else if ("compare".equals(what)) {
                MessageClient.Kind[] kinds = java.util.Arrays.stream(which.split(",")).map(MessageClient.Kind::valueOf)
                        .toArray(MessageClient.Kind[]::new);
                Duration warmup = args.length > 5 ? Duration.ofSeconds(Long.parseLong(args[5])) : time;
                Settings compare = new Settings(true, Duration.ZERO, warmup, time, Integer.parseInt(args[4]),
                        new int[]{concurrency},
                        new int[0], new int[0], 0, Duration.ZERO, 0, 0, 0, "256m", 0, 0, Duration.ZERO, 0, 0, 0, 0,
                        Double.POSITIVE_INFINITY, Duration.ZERO);
                var results = new ProducerBenchmark(compare, null, kinds).run();
                var row = results.byConcurrency().get(concurrency);
                double floor = row.containsKey(MessageClient.Kind.HTTPCLIENT5)
                        ? row.get(MessageClient.Kind.HTTPCLIENT5).perSecond() : Double.NaN;
                row.forEach((kind, f) -> System.out.println(String.format(Locale.ROOT,
                        "%-24s %8.0f msg/s %5.1f %%  p50 %.2f p99 %.2f  client CPU %.1f µs  sim CPU %.1f µs  others %.2f CPUs",
                        kind.label, f.perSecond(), 100 * f.perSecond() / floor, f.p50(), f.p99(), f.clientCpuMicros(),
                        f.simulatorCpuMicros(), f.otherCpus())));
            } else if ("producer".equals(what)) {
                MessageClient.Kind kind = MessageClient.Kind.valueOf(which);
                String group = helper.newGroup("profile");
                try (MessageClient client = kind
                        .create(new MessageClient.Target(helper.authUrl, helper.endpointUrl, group,
                                helper.issueAccessToken()))) {
                    ProducerBenchmark bench = new ProducerBenchmark(settings, helper, kind);
                    bench.measure(client, concurrency, settings.warmup());
                    helper.clearJournal();
                    ProducerBenchmark.Figures f = bench.measure(client, concurrency, time);
                    System.out.println(String.format(Locale.ROOT, "%s at %d: %.0f msg/s, p50 %.2f ms, p99 %.2f ms, "
                            + "client CPU %.0f µs/msg, simulator CPU %.0f µs/msg, errors %d", kind.label, concurrency,
                            f.perSecond(), f.p50(), f.p99(), f.clientCpuMicros(), f.simulatorCpuMicros(), f.errors()));
                }
            } else {
                ConsumerBenchmark.Route route = ConsumerBenchmark.Route.valueOf(which);
                System.out.println(new ConsumerBenchmark(settings, helper).profile(route, concurrency, time));
            }
        }
        System.exit(0);
    }
}
