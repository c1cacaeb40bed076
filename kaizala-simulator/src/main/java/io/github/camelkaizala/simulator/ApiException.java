package io.github.camelkaizala.simulator;

/**
 * An error answer: the HTTP status, a short machine-readable code and a human message. Handlers throw it;
 * the dispatcher turns it into {@code {"errorCode": "...", "message": "..."}}.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String retryAfter;

    ApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    ApiException(int status, String errorCode, String message, String retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    static ApiException badRequest(String errorCode, String message) {
        return new ApiException(400, errorCode, message);
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, "Unauthorized", message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "Forbidden", message);
    }

    static ApiException notFound(String errorCode, String message) {
        return new ApiException(404, errorCode, message);
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    /** The {@code Retry-After} header value to send, or null. */
    String retryAfter() {
        return retryAfter;
    }
}
