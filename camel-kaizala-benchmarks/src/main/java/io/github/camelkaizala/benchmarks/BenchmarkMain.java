package io.github.camelkaizala.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Runs every scenario and writes the report:
 * {@code mvn -B -ntp -pl camel-kaizala-benchmarks -am verify -Pbenchmarks -DskipTests} (full run, docs/benchmarks.md).
 * Arguments: {@code --full} or {@code --smoke}, {@code --report FILE}, {@code --command TEXT} (printed in the report),
 * {@code --all} (the default) or {@code --startup-only} (only the start-up scenario, its medians on stderr, no report:
 * {@code -Dbenchmarks.scenarios=startup-only} with the command above).
 */
public final class BenchmarkMain {

    /** Everything one run measured. */
    public record Results(Settings settings, Machine machine, ZonedDateTime date, Duration took, double othersAtStart,
            ProducerBenchmark.Results producer, ConsumerBenchmark.Results consumer,
            List<TokenBenchmark.Figures> tokens, UploadBenchmark.Results upload,
            AllocationBenchmark.Results jmh,
            List<StartupBenchmark.Figures> startup) {}

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fullRun();
        Path report = Path.of("docs", "benchmarks.md");
        String command = "mvn -B -ntp -pl camel-kaizala-benchmarks -am verify -Pbenchmarks -DskipTests";
        boolean startupOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> settings = Settings.fullRun();
                case "--smoke" -> settings = Settings.smokeRun();
                case "--report" -> report = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--all" -> startupOnly = false;
                case "--startup-only" -> startupOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (startupOnly) {
            Quiet.before(settings, "start-up");
            StartupBenchmark.logMedians(new StartupBenchmark(settings).run());
            System.exit(0);
        }
        Results results = run(settings);
        String markdown = Report.render(results, command);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        Log.info("report written to %s", report.toAbsolutePath().normalize());
        System.exit(0); // JDK HttpClient and Vert.x leave daemon-less threads behind on Java 17
    }

    public static Results run(Settings settings) throws Exception {
        long start = System.nanoTime();
        ZonedDateTime date = ZonedDateTime.now();
        Machine machine = Machine.describe();
        Log.info("benchmarks (%s run) on %d CPUs, %s", settings.full() ? "full" : "smoke", machine.cpus(),
                machine.jvm());
        // other processes on the machine skew every figure: a full run waits (up to 3 minutes) for them to calm down
        double othersAtStart = settings.full() ? Quiet.await(settings.quietThreshold(), Duration.ofMinutes(3))
                : Quiet.othersCpus(Duration.ofMillis(500));
        Log.info("other processes use %.2f CPUs", othersAtStart);
        ProducerBenchmark.Results producer;
        ConsumerBenchmark.Results consumer;
        List<TokenBenchmark.Figures> tokens;
        UploadBenchmark.Results upload;
        AllocationBenchmark.Results allocation;
        // every scenario gets a fresh simulator: it keeps every message and event it was sent
        // and waits for a quiet machine first (a full run)
        producer = new ProducerBenchmark(settings).run();
        Quiet.before(settings, "consumer");
        try (Helper helper = Helper.start()) {
            consumer = new ConsumerBenchmark(settings, helper).run();
        }
        Quiet.before(settings, "tokens");
        try (Helper helper = Helper.start()) {
            tokens = new TokenBenchmark(settings).run(helper);
        }
        Quiet.before(settings, "upload");
        try (Helper helper = Helper.start()) {
            upload = new UploadBenchmark(settings).run(helper);
        }
        Quiet.before(settings, "allocation");
        try (Helper helper = Helper.start()) {
            allocation = new AllocationBenchmark(settings).run(helper);
        }
        Quiet.before(settings, "start-up");
        List<StartupBenchmark.Figures> startup = new StartupBenchmark(settings).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Log.info("all scenarios done in %d s", took.toSeconds());
        return new Results(settings, machine, date, took, othersAtStart, producer, consumer, tokens, upload, allocation,
                startup);
    }
}
