package org.apache.camel.component.kaizala.internal.wire;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.component.kaizala.api.KaizalaException;

/**
 * The one JSON mapper of the component: lenient when reading (Kaizala's own samples mix {@code Message} and
 * {@code message}, quote keys or not, and send booleans as strings), strict when writing (the exact spelling the API
 * reference recommends, no nulls).
 */
public final class KaizalaJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private KaizalaJson() {
    }

    /**
     * A field of a JSON object, its name matched case-insensitively (Kaizala's samples mix the spellings); the exact
     * spelling is looked up first, so the usual case costs one hash lookup.
     */
    public static JsonNode field(JsonNode object, String name) {
        if (object == null) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new KaizalaException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A reader of {@code type}: made once per answer type, it spares every answer the look-up of its deserializer. */
    public static ObjectReader readerFor(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    public static <T> T read(byte[] json, Class<T> type, String operation) {
        return read(json, readerFor(type), type, operation);
    }

    public static <T> T read(byte[] json, ObjectReader reader, Class<T> type, String operation) {
        try {
            return reader.readValue(json);
        } catch (JacksonException e) {
            throw new KaizalaException("Kaizala " + operation + " answered with JSON that does not read as "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KaizalaException("Kaizala " + operation + " answer unreadable: " + e.getMessage(), e);
        }
    }
}
