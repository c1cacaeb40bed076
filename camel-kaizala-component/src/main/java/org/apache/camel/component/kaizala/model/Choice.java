package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A poll choice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"title", "image"})
public class Choice {

    private String title;
    private String image;

    public Choice() {
    }

    /** the choice text */
    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Choice title(String title) {
        setTitle(title);
        return this;
    }

    /** a mediaResource to show with it */
    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Choice image(String image) {
        setImage(image);
        return this;
    }

    @Override
    public String toString() {
        return "Choice[title=" + title + ", image=" + image + "]";
    }
}
