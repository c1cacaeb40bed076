package io.github.camelkaizala.benchmarks;

import java.util.Arrays;

/** Latencies in nanoseconds, appended by one thread; merged and sorted for percentiles. */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static long[] merged(Iterable<Latencies> parts) {
        int total = 0;
        for (Latencies p : parts) {
            total += p.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Latencies p : parts) {
            System.arraycopy(p.values, 0, all, at, p.size);
            at += p.size;
        }
        Arrays.sort(all);
        return all;
    }

    /** The q-quantile (0..1) of sorted values, in milliseconds; NaN when empty. */
    static double percentileMillis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[index] / 1e6;
    }
}
