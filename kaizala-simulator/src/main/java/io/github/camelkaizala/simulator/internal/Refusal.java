package io.github.camelkaizala.simulator.internal;

import io.github.camelkaizala.simulator.Human;

/**
 * A refusal of the simulated service, in its own terms: what kind of refusal it is and a short machine-readable
 * code ({@code GroupNotFound}, {@code MissingField}, {@code InvalidToken} …). The state, the validation and the
 * token service throw it; the HTTP layer ({@link ApiException#of(Refusal)}) turns it into a status and an error
 * body, {@link Human} into an {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public final class Refusal extends RuntimeException {

    public enum Kind {
        /** The request is malformed or a value breaks a rule. */
        INVALID,
        /** A media type the service does not take. */
        UNSUPPORTED_MEDIA,
        /** Credentials or access token missing, unknown or expired. */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The object does not exist. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal unsupportedMedia(String message) {
        return new Refusal(Kind.UNSUPPORTED_MEDIA, "UnsupportedMediaType", message);
    }

    public static Refusal unauthenticated(String code, String message) {
        return new Refusal(Kind.UNAUTHENTICATED, code, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "Forbidden", message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
