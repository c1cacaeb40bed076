package org.apache.camel.component.kaizala.internal.wire;

import java.util.Locale;
import java.util.concurrent.CompletionException;

import org.apache.camel.component.kaizala.api.KaizalaValidationException;

/** Small helpers the component needs in several places, written once. */
public final class Text {

    private Text() {
    }

    /** The first line of a message (Jackson's messages carry the whole source location on later lines). */
    public static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** {@code true} or {@code false} in any case (a {@code Boolean} as it is); anything else names the field. */
    public static Boolean bool(String field, Object value, String hint) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw new KaizalaValidationException(field,
                "true or false, got '" + value + "'" + (hint == null ? "" : " (" + hint + ")"));
    }

    /** The failure inside the {@code CompletionException}s a future wraps it in. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
