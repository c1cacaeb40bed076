package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A scripted misbehaviour for {@link FaultPlan#next(int, String, String, Fault)}. Immutable;
 * {@link #retryAfter(String)} returns a copy.
 */
public final class Fault {

    public enum Kind {
        STATUS,
        RELOCATE,
        RESET,
        STALL
    }

    private final Kind kind;
    private final int status;
    private final String retryAfter;
    private final Duration delay;

    private Fault(Kind kind, int status, String retryAfter, Duration delay) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
    }

    /** Answers this status with an error body {@code {"errorCode": "...", "message": "simulated fault"}}. */
    public static Fault status(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new Fault(Kind.STATUS, status, null, null);
    }

    /** Moves the caller's connector to a new cluster and answers 308 with {@code Location} = the new base. */
    public static Fault relocate() {
        return new Fault(Kind.RELOCATE, 308, null, null);
    }

    /** Drops the connection without any HTTP answer (journal status -1). */
    public static Fault reset() {
        return new Fault(Kind.RESET, -1, null, null);
    }

    /** Waits {@code delay}, then serves the request normally. */
    public static Fault stall(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a stall needs a non-negative delay");
        }
        return new Fault(Kind.STALL, 0, null, delay);
    }

    /** Adds a {@code Retry-After} header, sent verbatim (seconds or an HTTP date). Only for {@link #status(int)}. */
    public Fault retryAfter(String value) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("Retry-After only goes with Fault.status(...)");
        }
        return new Fault(kind, status, Objects.requireNonNull(value, "value"), delay);
    }

    public Kind kind() {
        return kind;
    }

    public int statusCode() {
        return status;
    }

    public String retryAfterValue() {
        return retryAfter;
    }

    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS ->
                "Fault.status(" + status + ")" + (retryAfter == null ? "" : ".retryAfter(" + retryAfter + ")");
            case RELOCATE -> "Fault.relocate()";
            case RESET -> "Fault.reset()";
            case STALL -> "Fault.stall(" + delay + ")";
        };
    }
}
