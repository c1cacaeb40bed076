package org.apache.camel.component.kaizala.internal.operation;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;

/** How an operation's answer is read. */
public final class Readers {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private Readers() {
    }

    /** The answer as a model. */
    public static Function<byte[], Object> as(Class<?> type, String operation) {
        return model(type, operation)::apply;
    }

    /** The answer as a model, typed. */
    public static <T> Function<byte[], T> model(Class<T> type, String operation) {
        ObjectReader reader = KaizalaJson.readerFor(type);
        return body -> KaizalaJson.read(isEmpty(body) ? EMPTY_OBJECT : body, reader, type, operation);
    }

    /** An answer the reference does not document: a Map of whatever came (empty for an empty answer). */
    public static Function<byte[], Object> raw(String operation) {
        return body -> {
            if (isEmpty(body)) {
                return Map.of();
            }
            JsonNode tree = tree(body, operation);
            return tree.isObject() ? KaizalaJson.MAPPER.convertValue(tree, KaizalaJson.MAP) : Map.of("value", tree);
        };
    }

    /**
     * An answer documented both as a bare object and as {@code {"groups": [ {…} ]}} (reference §14 D9, D16): the first
     * element of the envelope, or the object itself.
     */
    public static Function<byte[], Object> unwrapGroups(Class<?> type, String operation) {
        return body -> {
            JsonNode tree = isEmpty(body) ? KaizalaJson.MAPPER.createObjectNode() : tree(body, operation);
            JsonNode groups = KaizalaJson.field(tree, "groups");
            JsonNode group = groups != null && groups.isArray() && !groups.isEmpty() ? groups.get(0) : tree;
            return KaizalaJson.MAPPER.convertValue(group, type);
        };
    }

    private static JsonNode tree(byte[] body, String operation) {
        try {
            return KaizalaJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new KaizalaException(
                    "Kaizala " + operation + " answered with something that is not JSON: " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
