package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One page of a public group's subscribers (reference §6.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"count", "cursor"})
public class SubscribersPageRequest {

    private Integer count;
    private String cursor;

    public SubscribersPageRequest() {
    }

    /** page size, at most 50 */
    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public SubscribersPageRequest count(Integer count) {
        setCount(count);
        return this;
    }

    /** the cursor of the previous page; absent for the first */
    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public SubscribersPageRequest cursor(String cursor) {
        setCursor(cursor);
        return this;
    }

    @Override
    public String toString() {
        return "SubscribersPageRequest[count=" + count + ", cursor=" + cursor + "]";
    }
}
