package org.apache.camel.component.kaizala.internal.wire;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What {@link KaizalaClient} retries by itself, and how long it waits. Only what cannot double an effect is retried:
 * 429, and 503 with {@code Retry-After} (Kaizala did not process the call), a failure before the request was sent,
 * and — for GET only — a 5xx answer or a lost or timed-out answer.
 *
 * @param maxRetries       retries after the first attempt (0: none)
 * @param maxRetryAfter    the longest {@code Retry-After} waited for; a longer one fails the exchange at once
 * @param initialDelay     the first back-off, doubled each retry, with jitter
 * @param maxDelay         the longest back-off
 */
public record RetryPolicy(int maxRetries, Duration maxRetryAfter, Duration initialDelay, Duration maxDelay) {

    /** The back-off before retry number {@code retry} (0-based): exponential, with 50–100 % jitter. */
    public Duration backoff(int retry) {
        long ceiling = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
