package org.apache.camel.component.kaizala.internal.wire;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.camel.component.kaizala.api.KaizalaException;

/**
 * At most {@code permits} calls in any sliding window of {@code windowMillis} — the way Kaizala counts (100 calls a
 * minute per connector), in this JVM. A call over the limit is given the earliest slot that keeps the window under it
 * and waits for it on a timer, holding no thread; a call whose slot is further away than {@code maxWaitMillis} fails
 * at once instead of queueing. Time is read from a monotonic clock, so a step of the wall clock changes nothing.
 */
public final class LocalRateLimiter implements RateLimiter {

    private final long[] slots;
    private final long windowMillis;
    private final long maxWaitMillis;
    private final Waits waits;
    private final LongSupplier clockMillis;
    private int next;
    private long waiting;

    public LocalRateLimiter(int permits, long windowMillis, long maxWaitMillis, Waits waits) {
        this(permits, windowMillis, maxWaitMillis, waits, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    LocalRateLimiter(int permits, long windowMillis, long maxWaitMillis, Waits waits, LongSupplier clockMillis) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.slots = new long[permits];
        this.windowMillis = windowMillis;
        this.maxWaitMillis = maxWaitMillis;
        this.waits = waits;
        this.clockMillis = clockMillis;
        Arrays.fill(slots, clockMillis.getAsLong() - windowMillis);
    }

    @Override
    public CompletableFuture<Void> acquire() {
        long now = clockMillis.getAsLong();
        long start;
        synchronized (this) {
            start = Math.max(now, slots[next] + windowMillis);
            if (start - now > maxWaitMillis) {
                return CompletableFuture.failedFuture(new KaizalaException(
                        "Kaizala rate limit: the call would wait " + (start - now) + " ms for a slot (" + slots.length
                                + " calls per " + windowMillis + " ms), longer than rateLimitMaxWait ("
                                + maxWaitMillis + " ms); it was not sent. Send less often, or raise"
                                + " rateLimitMaxWait"));
            }
            slots[next] = start;
            next = (next + 1) % slots.length;
            if (start > now) {
                waiting++;
            }
        }
        if (start <= now) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = waits.after(start - now, "a slot under the rate limit");
        ready.whenComplete((ignored, error) -> {
            synchronized (this) {
                waiting--;
            }
        });
        return ready;
    }

    @Override
    public synchronized long waiting() {
        return waiting;
    }

    @Override
    public int permits() {
        return slots.length;
    }
}
