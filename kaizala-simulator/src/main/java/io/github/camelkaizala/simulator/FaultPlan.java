package io.github.camelkaizala.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Scripted faults. Each {@link #next} entry answers the next {@code times} matching requests, then is gone;
 * a request takes the oldest entry it matches. Faults apply before authentication, throttling and routing.
 */
public final class FaultPlan {

    private static final class Entry {

        final String method;
        final Pattern path;
        final Fault fault;
        int remaining;

        Entry(int times, String method, Pattern path, Fault fault) {
            this.remaining = times;
            this.method = method;
            this.path = path;
            this.fault = fault;
        }

        boolean matches(String requestMethod, String resourcePath) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (path == null || path.matcher(resourcePath).matches());
        }
    }

    private record Chaos(double rate, Random random, String method, Pattern path, List<Fault> faults) {

        boolean matches(String requestMethod, String resourcePath) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (path == null || path.matcher(resourcePath).matches());
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Chaos> chaos = new ArrayList<>();

    /**
     * @param times     how many matching requests get the fault
     * @param method    HTTP method, or null for any
     * @param pathRegex matched (whole) against the resource path after {@code /v1}, e.g.
     *                  {@code "/groups/[^/]+/messages"} or {@code "/accessToken"}; null for any
     * @param fault     what to do
     */
    public synchronized FaultPlan next(int times, String method, String pathRegex, Fault fault) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (fault == null) {
            throw new IllegalArgumentException("fault is required");
        }
        entries.add(new Entry(times, method, pathRegex == null ? null : Pattern.compile(pathRegex), fault));
        return this;
    }

    /**
     * From now on, each matching request that no {@link #next} entry answers gets, with probability {@code rate}, one
     * of {@code faults} picked at random — seeded, so a run can be repeated. Lasts until {@link #clear()}.
     */
    public synchronized FaultPlan random(double rate, long seed, String method, String pathRegex, Fault... faults) {
        if (rate < 0 || rate > 1 || faults.length == 0) {
            throw new IllegalArgumentException("a rate from 0 to 1 and at least one fault");
        }
        chaos.add(new Chaos(rate, new Random(seed), method, pathRegex == null ? null : Pattern.compile(pathRegex),
                List.of(faults)));
        return this;
    }

    public synchronized void clear() {
        entries.clear();
        chaos.clear();
    }

    /** How many fault answers are still to be served. */
    public synchronized int pending() {
        return entries.stream().mapToInt(e -> e.remaining).sum();
    }

    /** Consumes and returns the fault for this request, or null. */
    synchronized Fault take(String method, String resourcePath) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext();) {
            Entry e = it.next();
            if (e.matches(method, resourcePath)) {
                if (--e.remaining == 0) {
                    it.remove();
                }
                return e.fault;
            }
        }
        for (Chaos c : chaos) {
            if (c.matches(method, resourcePath) && c.random().nextDouble() < c.rate()) {
                return c.faults().get(c.random().nextInt(c.faults().size()));
            }
        }
        return null;
    }
}
