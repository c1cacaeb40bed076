package io.github.camelkaizala.simulator.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON in and out. Input is read the way the ASP.NET service bound it: unquoted keys and single quotes are
 * accepted, field names match in any capitalisation, booleans may be strings. Every accessor throws a 400
 * {@link Refusal} when a value has the wrong shape.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private static final Pattern MOBILE = Pattern.compile("\\+[0-9]{6,15}");

    private Json() {
    }

    /** Parses leniently; null for an empty text. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        String plain = text == null ? null : plainWhitespace(text);
        return plain == null || plain.isBlank() ? null : MAPPER.readTree(plain);
    }

    /**
     * The text with every Unicode white space outside string literals (U+00A0, U+202F, U+2003, U+0085 …) turned
     * into a plain space: the service's reader (Json.NET) skipped them all between tokens, Jackson only skips ASCII
     * ones. Inside {@code "…"} and {@code '…'} nothing changes.
     */
    public static String plainWhitespace(String text) {
        StringBuilder out = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch > 0x7f && (Character.isSpaceChar(ch) || Character.isWhitespace(ch) || ch == 0x85)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? text : out.toString();
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an answer", e);
        }
    }

    /** An ordered map from alternating keys and values (values may be null). */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The field of that name in any capitalisation; null when absent or JSON null. */
    public static JsonNode field(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    public static String text(JsonNode object, String name, boolean required) {
        return text(object, name, name, required);
    }

    /** As {@link #text(JsonNode, String, boolean)}; errors name the field {@code label} (e.g. {@code actionBody.title}). */
    public static String text(JsonNode object, String name, String label, boolean required) {
        JsonNode node = field(object, name);
        if (node == null) {
            if (required) {
                throw missing(label);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(label, "must be a string");
        }
        return node.textValue();
    }

    /** {@code true}/{@code false} or the strings {@code "true"}/{@code "false"}; null when absent. */
    public static Boolean bool(JsonNode object, String name) {
        return bool(object, name, name);
    }

    public static Boolean bool(JsonNode object, String name, String label) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()
                && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw invalid(label, "must be a boolean");
    }

    /** A whole number given as a JSON number or a numeric string; null when absent. */
    public static Long number(JsonNode object, String name) {
        return number(object, name, name);
    }

    public static Long number(JsonNode object, String name, String label) {
        JsonNode node = field(object, name);
        return node == null ? null : wholeNumber(node, label);
    }

    /** A whole number given as a JSON number or a numeric string. */
    public static long wholeNumber(JsonNode node, String label) {
        if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().trim().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(node.textValue().trim());
        }
        throw invalid(label, "must be a whole number");
    }

    /** Any JSON number, or a numeric string; null when absent. */
    public static Double decimal(JsonNode object, String name, String label) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw invalid(label, "must be a number");
    }

    /** An array of strings; null when absent. */
    public static List<String> strings(JsonNode object, String name) {
        return strings(object, name, name);
    }

    public static List<String> strings(JsonNode object, String name, String label) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid(label, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw invalid(label, "must be an array of strings");
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** The first of {@code names} present in the object (any capitalisation), else the first name. */
    public static String spelling(JsonNode object, String... names) {
        for (String name : names) {
            if (field(object, name) != null) {
                return name;
            }
        }
        return names[0];
    }

    public static Refusal missing(String label) {
        return Refusal.invalid("MissingField", "'" + label + "' is required");
    }

    public static Refusal invalid(String label, String problem) {
        return Refusal.invalid("InvalidField", "'" + label + "' " + problem);
    }

    /** The value among {@code allowed} that equals {@code value} ignoring case; 400 when none does. */
    public static String oneOf(String value, String name, List<String> allowed) {
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> Refusal.invalid("InvalidField", "'" + name + "' must be one of " + allowed));
    }

    /** An array of phone numbers ({@code +} and 6 to 15 digits); null when absent. */
    public static List<String> mobileNumbers(JsonNode object, String name) {
        return mobileNumbers(object, name, name);
    }

    public static List<String> mobileNumbers(JsonNode object, String name, String label) {
        List<String> numbers = strings(object, name, label);
        if (numbers != null) {
            numbers.forEach(n -> requireMobile(n, label));
        }
        return numbers;
    }

    public static boolean isMobile(String number) {
        return number != null && MOBILE.matcher(number).matches();
    }

    public static String requireMobile(String number, String name) {
        if (number == null || !MOBILE.matcher(number).matches()) {
            throw Refusal.invalid("InvalidMobileNumber",
                    "'" + name + "' must hold phone numbers like +15550100001, got '" + number + "'");
        }
        return number;
    }

    /**
     * Field access on one JSON object whose errors name each field by its path, e.g.
     * {@code 'actionBody.questions[1].title' is required}.
     */
    public record Fields(JsonNode node, String path) {

        /** The request body itself: errors name its fields without a prefix. */
        static Fields of(JsonNode body) {
            return new Fields(body, "");
        }

        String label(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return field(node, name) != null;
        }

        /** Exactly one of the two fields is present: true for the first, false for the second; 400 otherwise. */
        boolean either(String first, String second) {
            boolean hasFirst = has(first);
            if (hasFirst == has(second)) {
                throw hasFirst
                        ? Refusal.invalid("InvalidField", "give either '" + first + "' or '" + second + "', not both")
                        : Refusal.invalid("MissingField", "'" + first + "' or '" + second + "' is required");
            }
            return hasFirst;
        }

        JsonNode raw(String name) {
            return field(node, name);
        }

        String text(String name, boolean required) {
            return Json.text(node, name, label(name), required);
        }

        /** A required string that is not blank. */
        String nonBlank(String name) {
            String value = text(name, true);
            if (value.isBlank()) {
                throw invalid(label(name), "must not be blank");
            }
            return value;
        }

        Boolean bool(String name) {
            return Json.bool(node, name, label(name));
        }

        Long number(String name) {
            return Json.number(node, name, label(name));
        }

        /** A whole number of at least 1, or {@code fallback} when absent. */
        long positive(String name, long fallback) {
            Long value = number(name);
            if (value == null) {
                return fallback;
            }
            if (value < 1) {
                throw invalid(label(name), "must be at least 1, got " + value);
            }
            return value;
        }

        Double decimal(String name, boolean required) {
            Double value = Json.decimal(node, name, label(name));
            if (value == null && required) {
                throw missing(label(name));
            }
            return value;
        }

        List<String> strings(String name) {
            return Json.strings(node, name, label(name));
        }

        List<String> mobileNumbers(String name) {
            return Json.mobileNumbers(node, name, label(name));
        }

        String oneOf(String name, List<String> allowed, boolean required) {
            String value = text(name, required);
            return value == null ? null : allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> invalid(label(name), "must be one of " + allowed + ", got '" + value + "'"));
        }

        /** A nested object; null when absent and not required. */
        Fields object(String name, boolean required) {
            JsonNode value = field(node, name);
            if (value == null) {
                if (required) {
                    throw missing(label(name));
                }
                return null;
            }
            if (!value.isObject()) {
                throw invalid(label(name), "must be an object");
            }
            return new Fields(value, label(name));
        }

        /** An array of objects, each with its own path ({@code questions[0]} …); null when absent and not required. */
        List<Fields> objects(String name, boolean required) {
            JsonNode value = field(node, name);
            if (value == null) {
                if (required) {
                    throw missing(label(name));
                }
                return null;
            }
            if (!value.isArray()) {
                throw invalid(label(name), "must be an array of objects");
            }
            List<Fields> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    throw invalid(label(name) + "[" + i + "]", "must be an object");
                }
                items.add(new Fields(value.get(i), label(name) + "[" + i + "]"));
            }
            return items;
        }
    }
}
