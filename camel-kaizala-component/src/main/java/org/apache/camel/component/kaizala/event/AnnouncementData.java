package org.apache.camel.component.kaizala.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Announcement: title, text and attached images. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnouncementData(String title, String text, List<MediaItem> media) implements EventData {}
