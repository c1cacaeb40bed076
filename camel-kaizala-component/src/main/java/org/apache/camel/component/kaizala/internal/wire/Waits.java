package org.apache.camel.component.kaizala.internal.wire;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.kaizala.api.KaizalaException;

/**
 * The component's timed waits (back-off, {@code Retry-After}, pacing) on one timer thread, holding no thread per
 * exchange. Every wait completes: when its time comes, or — when the component stops first — exceptionally with a
 * {@link KaizalaException} saying so, so that no exchange is stranded.
 */
public final class Waits {

    private final ScheduledExecutorService timer;
    private final Map<CompletableFuture<Void>, String> pending = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    public Waits(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Completes after {@code millis}; {@code what} names the wait in the failure when the component stops first. */
    public CompletableFuture<Void> after(long millis, String what) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.put(done, what);
        done.whenComplete((ignored, error) -> pending.remove(done));
        try {
            timer.schedule(() -> done.complete(null), Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(stoppedWhile(what));
        }
        if (stopped) {
            done.completeExceptionally(stoppedWhile(what));
        }
        return done;
    }

    /** Fails every pending wait; later waits fail at once. */
    public void stop() {
        stopped = true;
        pending.forEach((wait, what) -> wait.completeExceptionally(stoppedWhile(what)));
    }

    private static KaizalaException stoppedWhile(String what) {
        return new KaizalaException("The kaizala component stopped while the exchange waited for " + what
                + "; it was not sent. Send it again once the application runs");
    }
}
