package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A media post (reference §8.2): an uploaded mediaResource and a caption.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mediaResource", "caption"})
public class MediaAttachment {

    private String mediaResource;
    private String caption;

    public MediaAttachment() {
    }

    /** what media/upload returned */
    public String getMediaResource() {
        return mediaResource;
    }

    public void setMediaResource(String mediaResource) {
        this.mediaResource = mediaResource;
    }

    public MediaAttachment mediaResource(String mediaResource) {
        setMediaResource(mediaResource);
        return this;
    }

    /** the text shown with the file */
    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public MediaAttachment caption(String caption) {
        setCaption(caption);
        return this;
    }

    @Override
    public String toString() {
        return "MediaAttachment[mediaResource=" + mediaResource + ", caption=" + caption + "]";
    }
}
