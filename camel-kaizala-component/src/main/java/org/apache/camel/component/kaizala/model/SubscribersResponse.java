package org.apache.camel.component.kaizala.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.KaizalaConstants;

/** A page of subscribers (reference §6.1); {@code cursor} is absent on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscribersResponse(List<Subscriber> subscribers, String cursor) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KaizalaConstants.HAS_MORE, cursor != null && !cursor.isEmpty());
        if (cursor != null && !cursor.isEmpty()) {
            headers.put(KaizalaConstants.NEXT_CURSOR, cursor);
        }
        return headers;
    }
}
