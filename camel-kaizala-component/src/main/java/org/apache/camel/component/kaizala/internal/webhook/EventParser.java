package org.apache.camel.component.kaizala.internal.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.component.kaizala.event.EventData;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.OpaqueData;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;

/** Reads a delivery's JSON into a {@link KaizalaEvent}: envelope fields in any case, {@code data} typed by event type. */
public final class EventParser {

    private final ObjectMapper mapper;
    /** One reader per event type, made once: {@code treeToValue} would look the type and its deserializer up per event. */
    private final Map<KaizalaEvent.Type, ObjectReader> dataReaders = new EnumMap<>(KaizalaEvent.Type.class);

    public EventParser(ObjectMapper mapper) {
        this.mapper = mapper;
        for (KaizalaEvent.Type type : KaizalaEvent.Type.values()) {
            dataReaders.put(type, mapper.readerFor(type.dataType()));
        }
    }

    /**
     * @throws IOException when the body is not a JSON object, or its eventId or eventType is not a non-empty string
     *                     (an id such as {@code ""} or {@code 0} would be taken once and make every later such event
     *                     a duplicate)
     */
    public KaizalaEvent parse(byte[] body) throws IOException {
        JsonNode json = mapper.readTree(body);
        if (json == null || !json.isObject()) {
            throw new IOException("not a JSON object");
        }
        String eventId = requiredString(json, "eventId");
        String eventType = requiredString(json, "eventType");
        KaizalaEvent.Type type = KaizalaEvent.Type.of(eventType);
        JsonNode data = KaizalaJson.field(json, "data");
        EventData typed = type == null || type.dataType() == OpaqueData.class || data == null || !data.isObject()
                ? new OpaqueData(data)
                : dataReaders.get(type).readValue(data);
        return new KaizalaEvent(text(json, "objectId"), text(json, "objectType"),
                type != null ? type.name() : eventType,
                eventId, text(json, "context"), text(json, "fromUser"), text(json, "fromUserId"),
                text(json, "fromUserName"),
                text(json, "fromUserProfilePic"), typed, new String(body, StandardCharsets.UTF_8));
    }

    private static String requiredString(JsonNode json, String name) throws IOException {
        JsonNode value = KaizalaJson.field(json, name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException(
                    name + " is " + (value == null || value.isNull() ? "missing" : "not a non-empty string"));
        }
        return value.asText();
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = KaizalaJson.field(json, name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
