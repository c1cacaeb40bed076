package org.apache.camel.component.kaizala.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** TextMessageCreated: the text posted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TextMessageData(String text) implements EventData {}
