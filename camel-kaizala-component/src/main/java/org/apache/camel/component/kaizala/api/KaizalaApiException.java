package org.apache.camel.component.kaizala.api;

import java.time.Duration;

/**
 * Kaizala answered with an error status. Carries what Camel's error handler needs to decide: the status, the
 * operation, the answer's body, Kaizala's {@code errorCode} and {@code errorCategoryKey} when its body names them and,
 * for 429 and 503, how long Kaizala asked to wait.
 */
public class KaizalaApiException extends KaizalaException {

    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final int statusCode;
    private final String operation;
    private final String responseBody;
    private final Duration retryAfter;
    private final String errorCode;
    private final String errorCategoryKey;

    /**
     * @param hint             what the user can do about it, appended to the message (null for none); never a secret
     * @param errorCode        Kaizala's {@code errorCode} when the answer names one, else null
     * @param errorCategoryKey Kaizala's {@code errorCategoryKey} when the answer names one, else null
     */
    public KaizalaApiException(String operation, int statusCode, String responseBody, Duration retryAfter,
            String hint, String errorCode, String errorCategoryKey) {
        super(describe(operation, statusCode, responseBody, retryAfter, hint));
        this.statusCode = statusCode;
        this.operation = operation;
        this.responseBody = responseBody;
        this.retryAfter = retryAfter;
        this.errorCode = errorCode;
        this.errorCategoryKey = errorCategoryKey;
    }

    private static String describe(String operation, int statusCode, String body, Duration retryAfter, String hint) {
        StringBuilder sb = new StringBuilder("Kaizala ").append(operation).append(" failed with HTTP ")
                .append(statusCode);
        if (retryAfter != null) {
            sb.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
        }
        if (hint != null) {
            sb.append(": ").append(hint);
        }
        if (body != null && !body.isBlank()) {
            sb.append(hint != null ? ". Kaizala answered: " : ": ")
                    .append(body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…" : body);
        }
        return sb.toString();
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The operation as {@code resource/operation}, e.g. {@code messages/send}. */
    public String getOperation() {
        return operation;
    }

    /** The body of Kaizala's answer, as text (may be empty). */
    public String getResponseBody() {
        return responseBody;
    }

    /** How long Kaizala asked to wait before the next call ({@code Retry-After}), or null when it did not say. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** Kaizala's {@code errorCode} (e.g. {@code InvalidToken}), or null when its answer named none. */
    public String getErrorCode() {
        return errorCode;
    }

    /** Kaizala's {@code errorCategoryKey} (e.g. {@code AuthException}), or null when its answer named none. */
    public String getErrorCategoryKey() {
        return errorCategoryKey;
    }
}
