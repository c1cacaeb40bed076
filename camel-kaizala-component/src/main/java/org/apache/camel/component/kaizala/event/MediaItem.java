package org.apache.camel.component.kaizala.event;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file of an event: a pre-signed URL and a file name (read from {@code mediaUrl}/{@code mediaFileName} or
 * {@code url}/{@code fileName}, as the sources disagree).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaItem(@JsonAlias("url") String mediaUrl, @JsonAlias("fileName") String mediaFileName) {}
