package org.apache.camel.component.kaizala.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code permits} calls in any sliding window of {@code windowMillis} — the way Kaizala counts (100 calls a
 * minute per connector). A call over the limit is given the earliest slot that keeps the window under it and waits
 * for it on a timer, holding no thread.
 */
public final class RateLimiter {

    private final long[] slots;
    private final long windowMillis;
    private final ScheduledExecutorService timer;
    private int next;
    private long waiting;

    public RateLimiter(int permits, long windowMillis, ScheduledExecutorService timer) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.slots = new long[permits];
        this.windowMillis = windowMillis;
        this.timer = timer;
        java.util.Arrays.fill(slots, Long.MIN_VALUE / 2);
    }

    /** Completes when the call may go: at once while under the limit, later otherwise. */
    public CompletableFuture<Void> acquire() {
        long now = System.currentTimeMillis();
        long start;
        synchronized (this) {
            start = Math.max(now, slots[next] + windowMillis);
            slots[next] = start;
            next = (next + 1) % slots.length;
            if (start > now) {
                waiting++;
            }
        }
        if (start <= now) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        timer.schedule(() -> {
            synchronized (this) {
                waiting--;
            }
            ready.complete(null);
        }, start - now, TimeUnit.MILLISECONDS);
        return ready;
    }

    /** How many calls are waiting for a slot now. */
    public synchronized long waiting() {
        return waiting;
    }

    public int permits() {
        return slots.length;
    }
}
