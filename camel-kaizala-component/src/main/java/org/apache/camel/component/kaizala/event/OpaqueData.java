package org.apache.camel.component.kaizala.event;

import com.fasterxml.jackson.databind.JsonNode;

/** GroupAdded and GroupRemoved, whose payload Kaizala never documented: the JSON as it came. */
public record OpaqueData(JsonNode json) implements EventData {
}
