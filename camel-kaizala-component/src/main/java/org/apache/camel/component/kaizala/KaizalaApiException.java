package org.apache.camel.component.kaizala;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.component.kaizala.internal.KaizalaJson;

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

    public KaizalaApiException(String operation, int statusCode, String responseBody, Duration retryAfter) {
        this(operation, statusCode, responseBody, retryAfter, null);
    }

    /**
     * @param hint what the user can do about it, appended to the message (null for none); never a secret
     */
    public KaizalaApiException(String operation, int statusCode, String responseBody, Duration retryAfter,
            String hint) {
        super(describe(operation, statusCode, responseBody, retryAfter, hint));
        this.statusCode = statusCode;
        this.operation = operation;
        this.responseBody = responseBody;
        this.retryAfter = retryAfter;
        JsonNode error = errorObject(responseBody);
        this.errorCode = text(error, "errorCode", "code");
        this.errorCategoryKey = text(error, "errorCategoryKey", "categoryKey");
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

    /**
     * The error object of an answer: the body itself ({@code {"errorCode":…,"errorCategoryKey":…,"message":…}}, the
     * real service's shape), or its {@code error} member when it has one; null when the body is not a JSON object.
     */
    private static JsonNode errorObject(String body) {
        if (body == null || body.isBlank() || body.trim().charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode node = KaizalaJson.MAPPER.readTree(body);
            JsonNode nested = KaizalaJson.field(node, "error");
            return nested != null && nested.isObject() ? nested : node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode value = object == null || !object.isObject() ? null : KaizalaJson.field(object, name);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
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
