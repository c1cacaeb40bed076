package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** AttachmentCreated: the files, their type (Image, Audio, Document, Video, Album) and the caption. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AttachmentData(List<MediaItem> media, String actionType, String caption) implements EventData {}
