package org.apache.camel.component.kaizala.internal.wire;

import java.util.concurrent.CompletableFuture;

/**
 * Paces one connector's calls under Kaizala's limit. {@link KaizalaClient} takes a slot before each call to the
 * resource API. An implementation may keep its state in this JVM ({@link LocalRateLimiter}) or share it.
 */
public interface RateLimiter {

    /**
     * Completes when the call may go: at once while under the limit, later otherwise; exceptionally with a
     * {@code KaizalaException} when the call would have to wait longer than the limiter allows.
     */
    CompletableFuture<Void> acquire();

    /** How many calls are waiting for a slot now (in this JVM). */
    long waiting();

    /** The calls allowed per window. */
    int permits();
}
