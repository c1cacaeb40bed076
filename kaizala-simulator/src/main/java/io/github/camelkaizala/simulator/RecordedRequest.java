package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.internal.Json;

/**
 * One request as the simulator received it, and the status it answered: -1 when the connection was
 * dropped ({@link Fault#reset()}), 0 while the answer is still being prepared (e.g. during a stall).
 *
 * @param path         the whole path, decoded, including the cluster prefix ({@code /kms-1/v1/groups/…})
 * @param resourcePath the path after {@code /v1} ({@code /groups/…}, {@code /accessToken}); the whole path
 *                     when it has no {@code /v1}
 * @param cluster      {@code kms-1} etc., null on the token service
 * @param headers      case-insensitive names
 * @param body         the body as text; for a {@code multipart/*} upload (streamed, never held whole) a transcript:
 *                     the boundaries and part headers as sent, each part's content replaced by {@code <N bytes>}
 */
public record RecordedRequest(String method, String path, String resourcePath, String cluster,
        Map<String, String> query,
        Map<String, List<String>> headers, String body, int status, Instant receivedAt) {

    public RecordedRequest {
        query = Map.copyOf(query);
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header (any capitalisation), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body parsed leniently (unquoted keys allowed); null when empty. */
    public JsonNode bodyJson() {
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded body is not JSON: " + body, e);
        }
    }
}
