package io.github.camelkaizala.benchmarks;

import java.time.Duration;

/**
 * How busy the machine is with other processes. Figures measured while other processes take CPU are lower and noisier,
 * and the report says how much they took; before a full run this waits, for a bounded time, for a quiet moment.
 */
final class Quiet {

    private Quiet() {
    }

    /** CPUs used by other processes over {@code window}, this JVM excluded (NaN when /proc/stat is unreadable). */
    static double othersCpus(Duration window) throws InterruptedException {
        long machine = Cpu.machineBusyNanos();
        long self = Cpu.processNanos();
        Thread.sleep(window.toMillis());
        long machineUsed = Cpu.machineBusyNanos() - machine;
        long selfUsed = Cpu.processNanos() - self;
        return machine < 0 ? Double.NaN : Math.max(0, machineUsed - selfUsed) / (double) window.toNanos();
    }

    /**
     * Waits until other processes use less than {@code threshold} CPUs over a 3-second window, at most {@code max};
     * answers what they used in the last window.
     */
    static double await(double threshold, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        double others = othersCpus(Duration.ofSeconds(3));
        while (!(others < threshold) && System.nanoTime() < end && !Double.isNaN(others)) {
            Log.info("other processes use %.2f CPUs: waiting for a quieter moment (at most %d s more)", others,
                    Math.max(0, (end - System.nanoTime()) / 1_000_000_000));
            others = othersCpus(Duration.ofSeconds(3));
        }
        return others;
    }

    /**
     * Before a scenario of a full run (a fresh simulator is started for each): waits for other processes to calm down
     * ({@link Settings#quietThreshold()}, at most {@link Settings#quietWait()}), so that every scenario, not only the
     * first, starts on a machine as quiet as it gets. A smoke run does not wait.
     */
    static void before(Settings settings, String scenario) throws InterruptedException {
        if (settings.full()) {
            double others = await(settings.quietThreshold(), settings.quietWait());
            Log.info("%s: starting, other processes use %.2f CPUs", scenario, others);
        }
    }
}
