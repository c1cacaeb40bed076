package org.apache.camel.component.kaizala.internal.operation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.apache.camel.component.kaizala.internal.wire.Text;

/**
 * What one exchange gives an operation: its body, and each {@link Parameter} from the header or, failing that, the
 * endpoint option (a header wins over the option).
 */
public final class OperationInput {

    private final Exchange exchange;
    private final OperationOptions options;
    private final Map<Parameter, String> overrides;
    /** The body this input reads: the exchange's, or (for a documented envelope) its {@code actionBody}. */
    private final Object body;

    public OperationInput(Exchange exchange, OperationOptions options) {
        this(exchange, options, Map.of(), exchange.getMessage().getBody());
    }

    private OperationInput(Exchange exchange, OperationOptions options, Map<Parameter, String> overrides,
            Object body) {
        this.exchange = exchange;
        this.options = options;
        this.overrides = overrides;
        this.body = body;
    }

    /** The same input with one parameter set, as paging does with the cursor of the next page. */
    public OperationInput with(Parameter parameter, String value) {
        Map<Parameter, String> next = new java.util.EnumMap<>(Parameter.class);
        next.putAll(overrides);
        next.put(parameter, value);
        return new OperationInput(exchange, options, next, body);
    }

    /** The same input reading another body: the {@code actionBody} of a request given in the documented envelope. */
    public OperationInput withBody(Object innerBody) {
        return new OperationInput(exchange, options, overrides, innerBody);
    }

    public OperationOptions options() {
        return options;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Object body() {
        return body;
    }

    /**
     * The body as a JSON object tree when it is one — a {@code Map}, a {@code JsonNode}, a JSON string or one of the
     * request models — else null (a text, a list, a file… are short forms, read by each operation).
     */
    public JsonNode objectTree() {
        try {
            JsonNode tree = null;
            if (body instanceof JsonNode node) {
                tree = node;
            } else if (body instanceof String text && text.trim().startsWith("{")) {
                tree = KaizalaJson.MAPPER.readTree(text);
            } else if (body instanceof byte[] bytes && startsWithBrace(bytes)) {
                tree = KaizalaJson.MAPPER.readTree(bytes);
            } else if (isObjectBody(body)) {
                tree = KaizalaJson.MAPPER.valueToTree(body);
            }
            return tree != null && tree.isObject() ? tree : null;
        } catch (IllegalArgumentException | IOException e) {
            throw new KaizalaValidationException("body",
                    "does not read as a JSON object: " + Text.firstLine(e.getMessage()));
        }
    }

    private static boolean startsWithBrace(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean isObjectBody(Object value) {
        return value instanceof Map || value != null
                && value.getClass().getPackageName().equals("org.apache.camel.component.kaizala.model");
    }

    /** The body as text (Camel's type converters), or null. */
    public String text() {
        return convert(String.class, body());
    }

    /** The parameter as a string: the header if set, else the option, else its fallback parameter; or null. */
    public String string(Parameter parameter) {
        Object value = raw(parameter);
        if (value == null) {
            return null;
        }
        String text = value instanceof String s ? s : convert(String.class, value);
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The parameter, which must be set: otherwise a validation error that says how to set it. */
    public String required(Parameter parameter) {
        return Validate.required(parameter.parameterName(), string(parameter), parameter.hint());
    }

    public Boolean bool(Parameter parameter) {
        return Text.bool(parameter.parameterName(), raw(parameter), parameter.hint());
    }

    public Integer integer(Parameter parameter) {
        Object value = raw(parameter);
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new KaizalaValidationException(parameter.parameterName(), "a whole number, got '" + value + "'");
        }
    }

    /** A list parameter: a collection or a comma-separated string, from the header or the option. */
    public List<String> list(Parameter parameter) {
        return toList(raw(parameter));
    }

    private Object raw(Parameter parameter) {
        if (overrides.containsKey(parameter)) {
            return overrides.get(parameter);
        }
        Object value = exchange.getMessage().getHeader(parameter.header());
        if (value == null) {
            value = options.option(parameter);
        }
        if (value == null && parameter.fallback() != null) {
            value = raw(parameter.fallback());
        }
        return value;
    }

    /** The body as the given model: the model itself (copied), a {@code Map} or a JSON string of the same shape. */
    public <T> T bodyAs(Class<T> model) {
        return bodyAs(model, body -> null);
    }

    /**
     * The body as the given model, or through {@code shortForm} for a body of another kind (a list of phone numbers, a
     * text…); {@code shortForm} answers null when it does not apply. The model is always a copy: the caller's object
     * is never changed.
     */
    public <T> T bodyAs(Class<T> model, Function<Object, T> shortForm) {
        T value = readBody(model, shortForm);
        if (value == null) {
            throw new KaizalaValidationException("body",
                    "required: a " + model.getSimpleName() + ", a Map or a JSON object");
        }
        return value;
    }

    private <T> T readBody(Class<T> model, Function<Object, T> shortForm) {
        try {
            if (model.isInstance(body) || body instanceof Map || body instanceof JsonNode) {
                return KaizalaJson.MAPPER.convertValue(body, model);
            }
            if (body instanceof String text && text.trim().startsWith("{")) {
                return KaizalaJson.MAPPER.readValue(text, model);
            }
            T converted = shortForm.apply(body);
            if (converted != null || body == null) {
                return converted;
            }
            if (body instanceof byte[] || body instanceof java.io.InputStream) {
                return KaizalaJson.MAPPER.readValue(text(), model);
            }
            throw new KaizalaValidationException("body",
                    "a " + model.getSimpleName() + ", a Map or a JSON object; got a "
                            + body.getClass().getSimpleName());
        } catch (IllegalArgumentException | IOException e) {
            throw new KaizalaValidationException("body",
                    "does not read as " + model.getSimpleName() + ": " + Text.firstLine(e.getMessage()));
        }
    }

    <T> T convert(Class<T> type, Object value) {
        return value == null ? null : exchange.getContext().getTypeConverter().convertTo(type, exchange, value);
    }

    public static List<String> toList(Object value) {
        if (value == null) {
            return null;
        }
        List<String> list = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> list.add(item == null ? null : item.toString().trim()));
        } else if (value instanceof String[] items) {
            for (String item : items) {
                list.add(item == null ? null : item.trim());
            }
        } else {
            for (String item : value.toString().split(",")) {
                if (!item.isBlank()) {
                    list.add(item.trim());
                }
            }
        }
        return list;
    }
}
