package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of subscribers (reference §6.1); {@code cursor} is absent on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscribersResponse(List<Subscriber> subscribers, String cursor)
        implements
            Paged<Subscriber, SubscribersResponse> {

    @Override
    public List<Subscriber> items() {
        return Paged.orEmpty(subscribers);
    }

    @Override
    public String nextCursor() {
        return Paged.continuing(cursor, subscribers);
    }

    @Override
    public SubscribersResponse withItems(List<Subscriber> items) {
        return new SubscribersResponse(items, null);
    }
}
