package org.apache.camel.component.kaizala.internal.wire;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * One call to Kaizala, independent of where it is sent: the base URL and the access token are added by
 * {@link KaizalaClient} at each attempt, so the same request can be resent after a 401 or a 308.
 *
 * @param operation    {@code resource/operation}, for errors and logs
 * @param method       the HTTP method
 * @param tokenService true for the token service ({@code authUrl}), false for the resource API
 *                     ({@code endpointUrl/v1})
 * @param path         the path below the base, its segments already percent-encoded
 * @param query        query parameters, not encoded; may be empty
 * @param headers      extra request headers; may be empty
 * @param body         makes the body anew for each attempt, or null for none
 */
public record ApiRequest(
        String operation, String method, boolean tokenService, String path,
        Map<String, String> query, Map<String, String> headers, Supplier<AsyncEntityProducer> body) {

    /** Whether sending it twice has the effect of sending it once (GET), so a lost answer may be asked again. */
    public boolean idempotent() {
        return "GET".equals(method);
    }

    public static Supplier<AsyncEntityProducer> json(byte[] json) {
        return () -> new JsonBody(json);
    }
}
