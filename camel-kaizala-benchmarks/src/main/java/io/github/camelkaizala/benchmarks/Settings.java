package io.github.camelkaizala.benchmarks;

import java.time.Duration;

/**
 * How long and how much each scenario runs: {@link #fullRun()} for the report, {@link #smokeRun()} to check the harness in
 * seconds (CI).
 *
 * @param initialWarmup      each client's and route's first warm-up (concurrency 16), before anything is measured:
 *                           a Camel route has deep call stacks, and the JIT needs a while to compile them
 * @param warmup             each producer client's warm-up at each concurrency, before the measured rounds
 * @param measure            one measured round of one producer client
 * @param rounds             measured rounds per concurrency; the clients take turns, in a rotated order each round
 * @param concurrencies      producer concurrencies (closed loop: this many exchanges in flight)
 * @param ceilingConcurrency the simulator's ceiling is measured with the lightest client at these
 * @param consumerConcurrencies load generator connections against the consumers
 * @param tokenExchanges     concurrent exchanges of the token scenario
 * @param tokenRun           how long the token scenarios keep them in flight
 * @param smallUpload        the reference upload of the memory scenario
 * @param largeUpload        the big upload (512 MiB in the full run)
 * @param cachedUpload       the upload through a route with Camel's default stream caching (in memory)
 * @param uploadHeap         -Xmx of the JVM that uploads
 * @param jmhWarmups         JMH warm-up iterations of the allocation benchmark
 * @param jmhIterations      JMH measured iterations
 * @param jmhIteration       length of one JMH iteration
 * @param jmhForks           JMH forks (0 = in this JVM, for the smoke run only)
 * @param startupRuns        how often the example is launched (per JVM variant)
 * @param allocationWarmup   messages each client sends before its allocation is counted
 * @param allocationMessages messages per counted run (5 runs)
 * @param quietThreshold     a scenario waits until other processes use less than this many CPUs…
 * @param quietWait          …for at most this long
 */
public record Settings(
        boolean full, Duration initialWarmup, Duration warmup, Duration measure, int rounds, int[] concurrencies,
        int[] ceilingConcurrency,
        int[] consumerConcurrencies, int tokenExchanges, Duration tokenRun, long smallUpload, long largeUpload,
        long cachedUpload,
        String uploadHeap, int jmhWarmups, int jmhIterations, Duration jmhIteration, int jmhForks, int startupRuns,
        int allocationWarmup, int allocationMessages, double quietThreshold, Duration quietWait) {

    static final long MIB = 1024L * 1024;

    public static Settings fullRun() {
        return new Settings(true, Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(1), 20,
                new int[]{1, 16, 64},
                new int[]{64, 128}, new int[]{16, 64}, 256, Duration.ofSeconds(3), MIB, 512 * MIB, 64 * MIB, "256m",
                3, 3, Duration.ofSeconds(1), 1, 5, 5000, 2000, 0.3, Duration.ofSeconds(60));
    }

    public static Settings smokeRun() {
        return new Settings(false, Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300), 1,
                new int[]{1, 16, 64},
                new int[]{64}, new int[]{16}, 256, Duration.ofMillis(2500), MIB, 16 * MIB, 8 * MIB, "256m",
                1, 1, Duration.ofMillis(300), 0, 1, 300, 100, Double.POSITIVE_INFINITY, Duration.ZERO);
    }
}
