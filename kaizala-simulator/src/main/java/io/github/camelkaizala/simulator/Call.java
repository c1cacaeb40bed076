package io.github.camelkaizala.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** What a handler gets: the request, the path parameters of its route, and the caller (null on the token service). */
record Call(Request request, Map<String, String> params, TokenService.Grant caller) {

    String param(String name) {
        return params.get(name);
    }

    String header(String name) {
        return request.header(name);
    }

    /** The mobile number of the token's user. */
    String user() {
        return caller.userMobile();
    }

    /** The body as a JSON object (parsed leniently); 400 when empty, malformed or not an object. */
    JsonNode body() {
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("InvalidJson", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("InvalidJson", "the request body must be a JSON object");
        }
        return node;
    }
}
