package io.github.camelkaizala.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON in and out. Input is read the way the ASP.NET service bound it: unquoted keys and single quotes are
 * accepted, field names match in any capitalisation, booleans may be strings. Every accessor throws a 400
 * {@link ApiException} when a value has the wrong shape.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private static final Pattern MOBILE = Pattern.compile("\\+[0-9]{6,15}");

    private Json() {
    }

    /** Parses leniently; null for an empty text. */
    static JsonNode parse(String text) throws JsonProcessingException {
        return text == null || text.isBlank() ? null : MAPPER.readTree(text);
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an answer", e);
        }
    }

    /** An ordered map from alternating keys and values (values may be null). */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The field of that name in any capitalisation; null when absent or JSON null. */
    static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    static String text(JsonNode object, String name, boolean required) {
        JsonNode node = field(object, name);
        if (node == null) {
            if (required) {
                throw ApiException.badRequest("MissingField", "'" + name + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("InvalidField", "'" + name + "' must be a string");
        }
        return node.textValue();
    }

    /** {@code true}/{@code false} or the strings {@code "true"}/{@code "false"}; null when absent. */
    static Boolean bool(JsonNode object, String name) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw ApiException.badRequest("InvalidField", "'" + name + "' must be a boolean");
    }

    /** A whole number given as a JSON number or a numeric string; null when absent. */
    static Long number(JsonNode object, String name) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().trim().matches("[0-9]{1,18}")) {
            return Long.parseLong(node.textValue().trim());
        }
        throw ApiException.badRequest("InvalidField", "'" + name + "' must be a number");
    }

    /** An array of strings; null when absent. */
    static List<String> strings(JsonNode object, String name) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("InvalidField", "'" + name + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ApiException.badRequest("InvalidField", "'" + name + "' must be an array of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** The value among {@code allowed} that equals {@code value} ignoring case; 400 when none does. */
    static String oneOf(String value, String name, List<String> allowed) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("InvalidField", "'" + name + "' must be one of " + allowed));
    }

    /** An array of phone numbers ({@code +} and 6 to 15 digits); null when absent. */
    static List<String> mobileNumbers(JsonNode object, String name) {
        List<String> numbers = strings(object, name);
        if (numbers != null) {
            numbers.forEach(n -> requireMobile(n, name));
        }
        return numbers;
    }

    static String requireMobile(String number, String name) {
        if (number == null || !MOBILE.matcher(number).matches()) {
            throw ApiException.badRequest("InvalidMobileNumber",
                    "'" + name + "' must hold phone numbers like +15550100001, got '" + number + "'");
        }
        return number;
    }
}
