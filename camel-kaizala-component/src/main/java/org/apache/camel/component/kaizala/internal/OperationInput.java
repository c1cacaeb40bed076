package org.apache.camel.component.kaizala.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.KaizalaValidationException;

/**
 * What one exchange gives an operation: its body, and each parameter from the header or, failing that, the endpoint
 * option (a header wins over the option).
 */
public final class OperationInput {

    private final Exchange exchange;
    private final KaizalaConfiguration configuration;

    public OperationInput(Exchange exchange, KaizalaConfiguration configuration) {
        this.exchange = exchange;
        this.configuration = configuration;
    }

    public KaizalaConfiguration configuration() {
        return configuration;
    }

    public Object body() {
        return exchange.getMessage().getBody();
    }

    /** The body as text (Camel's type converters), or null. */
    public String text() {
        Object body = body();
        return body == null ? null : exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
    }

    /** A string parameter: the header if set, else the option. */
    public String string(String header, String option) {
        Object value = exchange.getMessage().getHeader(header);
        if (value == null) {
            return option;
        }
        return exchange.getContext().getTypeConverter().convertTo(String.class, exchange, value);
    }

    public Boolean bool(String header, Boolean option, String field) {
        Object value = exchange.getMessage().getHeader(header);
        if (value == null) {
            return option;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new KaizalaValidationException(field, "true or false, got '" + text + "' (header " + header + ")");
    }

    /** A list parameter: the header (a collection or a comma-separated string) if set, else the option. */
    public List<String> list(String header, String option) {
        Object value = exchange.getMessage().getHeader(header);
        return value != null ? toList(value) : toList(option);
    }

    /** The body as the given model: the model itself, a {@code Map} or a JSON string of the same shape. */
    public <T> T bodyAs(Class<T> model) {
        Object body = body();
        if (model.isInstance(body)) {
            return model.cast(body);
        }
        try {
            if (body instanceof Map<?, ?> map) {
                return KaizalaJson.MAPPER.convertValue(map, model);
            }
            String json = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, body);
            if (json == null || json.isBlank()) {
                throw new KaizalaValidationException("body", "required: a " + model.getSimpleName() + ", a Map or a JSON object");
            }
            return KaizalaJson.MAPPER.readValue(json, model);
        } catch (IllegalArgumentException | IOException e) {
            throw new KaizalaValidationException("body",
                    "does not read as " + model.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    static List<String> toList(Object value) {
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
