package org.apache.camel.component.kaizala;

import java.time.Duration;

/**
 * Kaizala answered with an error status. Carries what Camel's error handler needs to decide: the status, the
 * operation, the answer's body and, for 429 and 503, how long Kaizala asked to wait.
 */
public class KaizalaApiException extends KaizalaException {

    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final int statusCode;
    private final String operation;
    private final String responseBody;
    private final Duration retryAfter;

    public KaizalaApiException(String operation, int statusCode, String responseBody, Duration retryAfter) {
        super(describe(operation, statusCode, responseBody, retryAfter));
        this.statusCode = statusCode;
        this.operation = operation;
        this.responseBody = responseBody;
        this.retryAfter = retryAfter;
    }

    private static String describe(String operation, int statusCode, String body, Duration retryAfter) {
        StringBuilder sb = new StringBuilder("Kaizala ").append(operation).append(" failed with HTTP ").append(statusCode);
        if (retryAfter != null) {
            sb.append(" (retry after ").append(retryAfter.toSeconds()).append(" s)");
        }
        if (body != null && !body.isBlank()) {
            sb.append(": ").append(body.length() > MAX_BODY_IN_MESSAGE ? body.substring(0, MAX_BODY_IN_MESSAGE) + "…" : body);
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
}
