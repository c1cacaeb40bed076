package org.apache.camel.component.kaizala.internal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.OpaqueData;
import org.apache.camel.component.kaizala.event.TextMessageData;
import org.apache.camel.component.kaizala.internal.wire.KaizalaJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a delivery's JSON becomes a {@link KaizalaEvent}, whatever the order and the spelling of its fields: the
 * reference's own samples (docs/kaizala-api/events), the same with {@code data} before {@code eventType}, spellings in
 * other cases, and envelopes that must be refused.
 */
class EventParserTest {

    private final EventParser parser = new EventParser(KaizalaJson.MAPPER);

    @ParameterizedTest
    @EnumSource(value = KaizalaEvent.Type.class, names = {"Poll.*", "LetsMeet.*"}, mode = EnumSource.Mode.MATCH_NONE)
    void everyDocumentedSampleReadsAlikeWhateverComesFirst(KaizalaEvent.Type type) throws Exception {
        ObjectNode sample = (ObjectNode) KaizalaJson.MAPPER.readTree(sample(type));
        KaizalaEvent event = parser.parse(bytes(sample));

        assertThat(event.eventType()).isEqualTo(type.name());
        assertThat(event.eventId()).isEqualTo(sample.get("eventId").asText());
        assertThat(event.objectId()).isEqualTo(sample.get("objectId").asText());
        assertThat(event.fromUser()).isEqualTo(sample.path("fromUser").asText(null));
        assertThat(event.data()).usingRecursiveComparison().isEqualTo(type.dataType() == OpaqueData.class
                ? new OpaqueData(sample.get("data"))
                : KaizalaJson.MAPPER.readerFor(type.dataType()).readValue(sample.get("data")));
        assertThat(event.rawJson()).isEqualTo(new String(bytes(sample), StandardCharsets.UTF_8));

        ObjectNode dataFirst = KaizalaJson.MAPPER.createObjectNode();
        dataFirst.set("data", sample.get("data"));
        for (Iterator<Map.Entry<String, JsonNode>> it = sample.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("data")) {
                dataFirst.set(field.getKey(), field.getValue());
            }
        }
        KaizalaEvent reordered = parser.parse(bytes(dataFirst));
        assertThat(reordered).usingRecursiveComparison().ignoringFields("rawJson").isEqualTo(event);
    }

    @Test
    void fieldsAreReadInAnyCaseAndTheExactSpellingWins() throws Exception {
        KaizalaEvent event = parser.parse(json("{'EVENTTYPE': 'textmessagecreated', 'EventId': 'first',"
                + " 'eventid': 'second', 'Data': {'Text': 'hello'}, 'fromUser': 'loose', 'FROMUSER': 'ignored'}"));
        assertThat(event.eventType()).isEqualTo("TextMessageCreated");
        assertThat(event.eventId()).as("the first of two other spellings").isEqualTo("first");
        assertThat(event.fromUser()).isEqualTo("loose");
        assertThat(event.data()).isEqualTo(new TextMessageData("hello"));

        assertThat(parser.parse(json("{'eventType': 'TextMessageCreated', 'EventId': 'loose', 'eventId': 'exact'}"))
                .eventId()).isEqualTo("exact");
        assertThat(parser.parse(json("{'eventType': 'TextMessageCreated', 'eventId': 'exact', 'EventId': 'loose'}"))
                .eventId()).isEqualTo("exact");
        assertThat(parser.parse(json("{'eventType': 'TextMessageCreated', 'eventId': 'e', 'Data': {'text': 'loose'},"
                + " 'data': {'text': 'exact'}}")).data()).isEqualTo(new TextMessageData("exact"));
    }

    @Test
    void dataThatIsNotAnObjectOrOfAnUnknownTypeComesAsItCame() throws Exception {
        assertThat(parser.parse(json("{'eventType': 'TextMessageCreated', 'eventId': 'e'}")).data())
                .isEqualTo(new OpaqueData(null));
        assertThat(parser.parse(json("{'eventType': 'TextMessageCreated', 'eventId': 'e', 'data': null}")).data())
                .isEqualTo(new OpaqueData(NullNode.getInstance()));
        assertThat(parser.parse(json("{'eventType': 'TextMessageCreated', 'eventId': 'e', 'data': [1]}")).data())
                .isEqualTo(new OpaqueData(KaizalaJson.MAPPER.readTree("[1]")));
        KaizalaEvent unknown = parser.parse(json("{'eventType': 'SomethingNew', 'eventId': 'e', 'data': {'a': 1}}"));
        assertThat(unknown.eventType()).isEqualTo("SomethingNew");
        assertThat(unknown.data()).isEqualTo(new OpaqueData(KaizalaJson.MAPPER.readTree("{\"a\": 1}")));
    }

    @Test
    void envelopeValuesThatAreNotStringsAreReadAsText() throws Exception {
        KaizalaEvent event = parser.parse(json("{'eventType': 'TextMessageCreated', 'eventId': 'e', 'fromUser': 919800,"
                + " 'context': {'a': 1}, 'objectType': true, 'objectId': null, 'extra': {'deep': [1, 2]}}"));
        assertThat(event.fromUser()).isEqualTo("919800");
        assertThat(event.context()).isEmpty();
        assertThat(event.objectType()).isEqualTo("true");
        assertThat(event.objectId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'eventType': 'TextMessageCreated'}",
            "{'eventType': 'TextMessageCreated', 'eventId': null}",
            "{'eventType': 'TextMessageCreated', 'eventId': ''}", "{'eventType': 'TextMessageCreated', 'eventId': ' '}",
            "{'eventType': 'TextMessageCreated', 'eventId': 0}", "{'eventType': 'TextMessageCreated', 'eventId': {}}",
            "{'eventId': 'e'}", "{'eventId': 'e', 'eventType': 7}"})
    void anEnvelopeWithoutAUsableIdOrTypeIsRefused(String envelope) {
        assertThatThrownBy(() -> parser.parse(json(envelope))).isInstanceOf(IOException.class)
                .hasMessageMatching("(eventId|eventType) is (missing|not a non-empty string)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"text\"", "42"})
    void aBodyThatIsNotAJsonObjectIsRefused(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessage("not a JSON object");
    }

    private static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode tree) throws IOException {
        return KaizalaJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    private static byte[] sample(KaizalaEvent.Type type) throws IOException {
        try (InputStream in = EventParserTest.class.getResourceAsStream("/kaizala-api/events/" + type.name()
                + ".json")) {
            assertThat(in).as("sample of %s", type).isNotNull();
            return in.readAllBytes();
        }
    }
}
