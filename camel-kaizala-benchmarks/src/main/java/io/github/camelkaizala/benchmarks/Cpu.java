package io.github.camelkaizala.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time: of this process, and of the whole machine (to tell how much other processes used during a run). */
final class Cpu {

    /** Linux reports /proc/stat in USER_HZ ticks, 100 a second on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private Cpu() {
    }

    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time all processes of the machine have used (user, nice, system, irq, softirq); -1 when unknown. */
    static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
