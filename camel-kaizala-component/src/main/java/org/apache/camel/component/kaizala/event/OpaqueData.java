package org.apache.camel.component.kaizala.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code data} of an event whose payload Kaizala never documented (GroupAdded, GroupRemoved, PollCreated,
 * PollResponse, LetsMeetCreated, LetsMeetResponse) or whose type is not known to this version: the JSON as it came.
 */
public record OpaqueData(JsonNode json) implements EventData {}
