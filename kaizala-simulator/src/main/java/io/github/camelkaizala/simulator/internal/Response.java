package io.github.camelkaizala.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer to send: status, extra headers, and a body serialised as JSON. */
public record Response(int status, Map<String, String> headers, Object body) {

    public static Response ok(Object body) {
        return new Response(200, Map.of(), body);
    }

    /** The service's error body: {@code {"errorCode": …, "errorCategoryKey": …, "message": …}}. */
    public static Response error(int status, String errorCode, String message) {
        return new Response(status, Map.of(),
                Json.obj("errorCode", errorCode, "errorCategoryKey", ApiException.category(status), "message",
                        message));
    }

    public static Response of(ApiException e) {
        Response r = error(e.status(), e.errorCode(), e.getMessage());
        return e.retryAfter() == null ? r : r.withHeader("Retry-After", e.retryAfter());
    }

    /** 308 with {@code Location} = the new resource base (no {@code /v1}, trailing slash), §1.4. */
    public static Response moved(String newBase) {
        return error(308, "EndpointChanged", "the endpoint url has changed to " + newBase)
                .withHeader("Location", newBase);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, Map.copyOf(h), body);
    }
}
