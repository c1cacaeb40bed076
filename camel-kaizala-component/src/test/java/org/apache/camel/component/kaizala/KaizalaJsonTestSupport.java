package org.apache.camel.component.kaizala;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

final class KaizalaJsonTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KaizalaJsonTestSupport() {
    }

    /** JSON as a tree, for comparisons that do not depend on the order of a Map's keys. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
