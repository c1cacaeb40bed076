package io.github.camelkaizala.simulator.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding one-minute windows per connector and per tenant (§1.6). A call over either limit is refused with
 * 429 and {@code Retry-After} = whole seconds until the oldest counted call leaves the window; refused calls
 * are not counted.
 */
public final class Throttle {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perConnector;
    private final int perTenant;
    private final Map<String, Deque<Long>> windows = new HashMap<>();

    public Throttle(int perConnector, int perTenant) {
        if (perConnector < 1 || perTenant < 1) {
            throw new IllegalArgumentException("throttling limits must be positive");
        }
        this.perConnector = perConnector;
        this.perTenant = perTenant;
    }

    public synchronized void acquire(String applicationId, String tenantId) {
        long now = System.nanoTime();
        Deque<Long> connector = window("connector:" + applicationId, now);
        Deque<Long> tenant = window("tenant:" + tenantId, now);
        long wait = Math.max(waitNanos(connector, perConnector, now), waitNanos(tenant, perTenant, now));
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(429, "TooManyRequests", "rate limit exceeded, retry after " + seconds + " s",
                    Long.toString(seconds));
        }
        connector.addLast(now);
        tenant.addLast(now);
    }

    private Deque<Long> window(String key, long now) {
        Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!w.isEmpty() && now - w.peekFirst() >= WINDOW_NANOS) {
            w.removeFirst();
        }
        return w;
    }

    private static long waitNanos(Deque<Long> window, int limit, long now) {
        return window.size() < limit ? 0 : window.peekFirst() + WINDOW_NANOS - now;
    }
}
