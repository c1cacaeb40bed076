package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An announcement (reference §9.9), written with the capitals Kaizala expects (Message, MediaResources).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "Message", "MediaResources"})
public class Announcement {

    private String title;
    private String message;
    private List<String> mediaResources;

    public Announcement() {
    }

    /** the title */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Announcement title(String title) {
        setTitle(title);
        return this;
    }

    /** the text */
    @JsonProperty("Message")
    public String getMessage() {
        return message;
    }

    @JsonProperty("Message")
    public void setMessage(String message) {
        this.message = message;
    }

    public Announcement message(String message) {
        setMessage(message);
        return this;
    }

    /** mediaResource strings of images to attach */
    @JsonProperty("MediaResources")
    public List<String> getMediaResources() {
        return mediaResources;
    }

    @JsonProperty("MediaResources")
    public void setMediaResources(List<String> mediaResources) {
        this.mediaResources = mediaResources == null ? null : new ArrayList<>(mediaResources);
    }

    public Announcement mediaResources(List<String> mediaResources) {
        setMediaResources(mediaResources);
        return this;
    }

    @Override
    public String toString() {
        return "Announcement[title=" + title + ", message=" + message + ", mediaResources=" + mediaResources + "]";
    }
}
