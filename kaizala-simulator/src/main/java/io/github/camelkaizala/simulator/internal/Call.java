package io.github.camelkaizala.simulator.internal;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** What a handler gets: the request, the path parameters of its route, and the caller (null on the token service). */
public record Call(Request request, Map<String, String> params, TokenService.Grant caller) {

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return request.header(name);
    }

    /** A query parameter (first value, decoded), or null. */
    public String query(String name) {
        return request.query().get(name);
    }

    /** A query parameter in any capitalisation of its name, or null. */
    public String queryIgnoringCase(String name) {
        String exact = query(name);
        return exact != null ? exact
                : request.query().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** A boolean query parameter ({@code true}/{@code false}, any case); {@code fallback} when absent; 400 otherwise. */
    public boolean queryFlag(String name, boolean fallback) {
        String value = queryIgnoringCase(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw Json.invalid(name, "must be true or false, got '" + value + "'");
    }

    /** The connector the access token belongs to. */
    public String applicationId() {
        return caller.applicationId();
    }

    /** The mobile number of the token's user. */
    public String user() {
        return caller.userMobile();
    }

    /** The body as a JSON object (parsed leniently); 400 when empty, malformed or not an object. */
    public JsonNode body() {
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("InvalidJson", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw Refusal.invalid("InvalidJson", "the request body must be a JSON object");
        }
        return node;
    }
}
