package io.github.camelkaizala.simulator.internal;

/**
 * An error answer of the HTTP layer: status, a short machine-readable code, the category and a human message,
 * sent as the service did: {@code {"errorCode": "...", "errorCategoryKey": "...", "message": "..."}}. Made from a
 * {@link Refusal} of the state ({@link #of(Refusal)}), or by the HTTP layer itself (routing, throttling, faults).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String retryAfter;

    public ApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public ApiException(int status, String errorCode, String message, String retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    /** The answer to a refusal: its kind gives the status. */
    public static ApiException of(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case UNSUPPORTED_MEDIA -> 415;
        };
        return new ApiException(status, refusal.code(), refusal.getMessage());
    }

    /**
     * {@code errorCategoryKey} by status: {@code AuthException} for 401 (what public clients test on an expired
     * token), and one category per other family of errors (the reference names no other, §14).
     */
    public static String category(int status) {
        return switch (status) {
            case 400, 415 -> "ValidationException";
            case 401 -> "AuthException";
            case 403 -> "AccessDeniedException";
            case 404, 405 -> "NotFoundException";
            case 308 -> "EndpointChangedException";
            case 429 -> "ThrottlingException";
            default -> status >= 500 ? "ServerException" : "ClientException";
        };
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String category() {
        return category(status);
    }

    /** The {@code Retry-After} header value to send, or null. */
    public String retryAfter() {
        return retryAfter;
    }
}
