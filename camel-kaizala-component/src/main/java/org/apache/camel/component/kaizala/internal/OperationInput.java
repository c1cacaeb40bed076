package org.apache.camel.component.kaizala.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.KaizalaValidationException;

/**
 * What one exchange gives an operation: its body, and each {@link Parameter} from the header or, failing that, the
 * endpoint option (a header wins over the option).
 */
public final class OperationInput {

    private final Exchange exchange;
    private final KaizalaConfiguration configuration;
    private final Map<Parameter, String> overrides;

    public OperationInput(Exchange exchange, KaizalaConfiguration configuration) {
        this(exchange, configuration, Map.of());
    }

    private OperationInput(Exchange exchange, KaizalaConfiguration configuration, Map<Parameter, String> overrides) {
        this.exchange = exchange;
        this.configuration = configuration;
        this.overrides = overrides;
    }

    /** The same input with one parameter set, as paging does with the cursor of the next page. */
    public OperationInput with(Parameter parameter, String value) {
        Map<Parameter, String> next = new java.util.EnumMap<>(Parameter.class);
        next.putAll(overrides);
        next.put(parameter, value);
        return new OperationInput(exchange, configuration, next);
    }

    public KaizalaConfiguration configuration() {
        return configuration;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Object body() {
        return exchange.getMessage().getBody();
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
        Object value = raw(parameter);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new KaizalaValidationException(parameter.parameterName(),
                "true or false, got '" + text + "' (" + parameter.hint() + ")");
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
            value = parameter.option(configuration);
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
            throw new KaizalaValidationException("body", "required: a " + model.getSimpleName() + ", a Map or a JSON object");
        }
        return value;
    }

    private <T> T readBody(Class<T> model, Function<Object, T> shortForm) {
        Object body = body();
        try {
            if (model.isInstance(body) || body instanceof Map) {
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
            throw new KaizalaValidationException("body", "a " + model.getSimpleName() + ", a Map or a JSON object; got a "
                                                         + body.getClass().getSimpleName());
        } catch (IllegalArgumentException | IOException e) {
            throw new KaizalaValidationException("body",
                    "does not read as " + model.getSimpleName() + ": " + firstLine(e.getMessage()));
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
