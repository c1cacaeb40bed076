package io.github.camelkaizala.benchmarks;

import java.util.Arrays;

/** Round-by-round ratios, their median and their spread. */
final class Stats {

    private Stats() {
    }

    /** {@code values[i] / floor[i]} for each round, sorted. */
    static double[] ratios(double[] values, double[] floor) {
        double[] r = new double[Math.min(values.length, floor.length)];
        for (int i = 0; i < r.length; i++) {
            r[i] = floor[i] == 0 ? Double.NaN : values[i] / floor[i];
        }
        Arrays.sort(r);
        return r;
    }

    /** The {@code q}-quantile of sorted values (linear between neighbours); NaN for none. */
    static double quantile(double[] sorted, double q) {
        if (sorted == null || sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = (int) Math.ceil(at);
        return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
    }

    static double median(double[] sorted) {
        if (sorted == null || sorted.length == 0) {
            return Double.NaN;
        }
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
