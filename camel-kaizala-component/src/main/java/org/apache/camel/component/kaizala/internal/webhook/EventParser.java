package org.apache.camel.component.kaizala.internal.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.component.kaizala.event.EventData;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.OpaqueData;

/**
 * Reads a delivery's JSON into a {@link KaizalaEvent}: envelope fields in any case (the exact spelling wins over
 * another), {@code data} typed by event type.
 * <p>
 * One streaming pass over the delivery: when {@code eventType} comes before {@code data} (as Kaizala sends them), the
 * data is read straight into its type; otherwise it is kept as a tree and converted once the type is known.
 */
public final class EventParser {

    /** The envelope's fields, in the order of {@link KaizalaEvent}'s components. */
    private enum Field {

        objectId,
        objectType,
        eventType,
        eventId,
        context,
        fromUser,
        fromUserId,
        fromUserName,
        fromUserProfilePic,
        data;

        private static final Field[] ALL = values();

        /** The field a name spells exactly, or null. */
        static Field exactly(String name) {
            for (Field field : ALL) {
                if (field.name().equals(name)) {
                    return field;
                }
            }
            return null;
        }

        static Field ignoringCase(String name) {
            for (Field field : ALL) {
                if (field.name().equalsIgnoreCase(name)) {
                    return field;
                }
            }
            return null;
        }
    }

    private final ObjectMapper mapper;
    /** One reader per event type, made once: looking the type and its deserializer up per event costs. */
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
        String[] texts = new String[Field.ALL.length];
        boolean[] seen = new boolean[Field.ALL.length];
        boolean[] exact = new boolean[Field.ALL.length];
        String[] problems = new String[Field.ALL.length]; // why eventId or eventType is not usable
        EventData typedData = null;
        JsonNode dataTree = null;
        KaizalaEvent.Type typedAs = null;
        try (JsonParser json = mapper.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                Field field = Field.exactly(name);
                boolean exactly = field != null;
                if (!exactly) {
                    field = Field.ignoringCase(name);
                }
                JsonToken token = json.nextToken();
                int i = field == null ? -1 : field.ordinal();
                if (field == null || seen[i] && !exactly) {
                    json.skipChildren(); // not ours, or a field already read under another spelling: the first or
                    continue; // the exact one counts
                }
                seen[i] = true;
                exact[i] = exactly;
                if (field == Field.data) {
                    KaizalaEvent.Type type = exact[Field.eventType.ordinal()] ? KaizalaEvent.Type.of(
                            texts[Field.eventType.ordinal()]) : null;
                    if (token == JsonToken.START_OBJECT && isTyped(type)) {
                        typedData = (EventData) dataReaders.get(type).readValue(json);
                        typedAs = type;
                        dataTree = null;
                    } else {
                        dataTree = mapper.readTree(json);
                        typedData = null;
                    }
                    continue;
                }
                problems[i] = token == JsonToken.VALUE_NULL ? "missing"
                        : token == JsonToken.VALUE_STRING ? null : "not a non-empty string";
                texts[i] = token == JsonToken.VALUE_NULL ? null
                        : token.isScalarValue() ? json.getText() : mapper.<JsonNode>readTree(json).asText();
            }
        }
        String eventId = required(Field.eventId, texts, problems);
        String eventType = required(Field.eventType, texts, problems);
        KaizalaEvent.Type type = KaizalaEvent.Type.of(eventType);
        EventData data = typedData != null && typedAs == type ? typedData : typed(type, dataTree, typedData);
        return new KaizalaEvent(texts[Field.objectId.ordinal()], texts[Field.objectType.ordinal()],
                type != null ? type.name() : eventType, eventId, texts[Field.context.ordinal()],
                texts[Field.fromUser.ordinal()], texts[Field.fromUserId.ordinal()],
                texts[Field.fromUserName.ordinal()], texts[Field.fromUserProfilePic.ordinal()], data,
                new String(body, StandardCharsets.UTF_8));
    }

    private static boolean isTyped(KaizalaEvent.Type type) {
        return type != null && type.dataType() != OpaqueData.class;
    }

    /** The data as its type's model when it is an object of a typed event, else as it came. */
    private EventData typed(KaizalaEvent.Type type, JsonNode tree, EventData readAs) throws IOException {
        if (tree == null && readAs != null) {
            tree = mapper.valueToTree(readAs); // read as another type than the event's: rare, never from Kaizala
        }
        return isTyped(type) && tree != null && tree.isObject()
                ? (EventData) dataReaders.get(type).readValue(tree)
                : new OpaqueData(tree);
    }

    private static String required(Field field, String[] texts, String[] problems) throws IOException {
        String value = texts[field.ordinal()];
        String problem = value == null ? "missing" : problems[field.ordinal()];
        if (problem == null && value.isBlank()) {
            problem = "not a non-empty string";
        }
        if (problem != null) {
            throw new IOException(field.name() + " is " + problem);
        }
        return value;
    }
}
