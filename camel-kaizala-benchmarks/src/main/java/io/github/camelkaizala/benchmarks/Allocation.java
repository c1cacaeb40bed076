package io.github.camelkaizala.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated per sent message, counted by the JVM per thread ({@code ThreadMXBean.getThreadAllocatedBytes}) and
 * added up over every live thread of this JVM: the caller, Camel's and the component's threads, HttpClient's I/O
 * threads. The simulator runs in another process ({@link Helper}), so none of its garbage is counted. Unlike time,
 * this does not depend on how busy the machine is: the same code allocates the same bytes.
 */
final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();

    private Allocation() {
    }

    /**
     * Sends {@code warmup} messages (the JIT compiles, pools fill, lazily made objects are made), then {@code runs}
     * runs of {@code messages} each, one after the other on this thread; answers the bytes per message of each run,
     * sorted.
     */
    static double[] perMessage(MessageClient client, int warmup, int messages, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            client.send(MessageClient.TEXT);
        }
        double[] perRun = new double[runs];
        for (int r = 0; r < runs; r++) {
            long before = allThreads();
            for (int i = 0; i < messages; i++) {
                client.send(MessageClient.TEXT);
            }
            perRun[r] = (allThreads() - before) / (double) messages;
        }
        Arrays.sort(perRun);
        return perRun;
    }

    /** Bytes allocated so far by the live threads of this JVM. */
    static long allThreads() {
        long[] ids = THREADS.getAllThreadIds();
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, bytes); // -1: the thread ended meanwhile
        }
        return total;
    }
}
