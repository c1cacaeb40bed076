package org.apache.camel.component.kaizala;

import java.util.Map;

import org.apache.camel.Converter;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.apache.camel.component.kaizala.model.AccessTokenResponse;
import org.apache.camel.component.kaizala.model.KaizalaResponse;
import org.apache.camel.component.kaizala.model.PinLoginResponse;

/**
 * Camel type converters: an answer or an event converts to a {@code Map} and to its JSON text (so {@code ${body}},
 * {@code convertBodyTo(String.class)} or a JSON data format step just work). The two answers that carry tokens
 * convert to text without them — logging {@code ${body}} must not print a secret; their {@code Map} keeps them.
 */
@Converter(generateLoader = true)
public final class KaizalaConverters {

    private KaizalaConverters() {
    }

    @Converter
    public static Map<String, Object> toMap(KaizalaResponse answer) {
        return KaizalaJson.MAPPER.convertValue(answer, KaizalaJson.MAP);
    }

    @Converter
    public static String toJson(KaizalaResponse answer) {
        return new String(KaizalaJson.write(answer), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Converter
    public static String toText(AccessTokenResponse answer) {
        return answer.toString();
    }

    @Converter
    public static String toText(PinLoginResponse answer) {
        return answer.toString();
    }

    /** An event's JSON as Kaizala sent it. */
    @Converter
    public static String toJson(KaizalaEvent event) {
        return event.rawJson();
    }

    @Converter
    public static Map<String, Object> toMap(KaizalaEvent event) {
        try {
            return KaizalaJson.MAPPER.readValue(event.rawJson(), KaizalaJson.MAP);
        } catch (java.io.IOException e) {
            throw new KaizalaException("The event's JSON does not read back: " + e.getMessage(), e);
        }
    }
}
