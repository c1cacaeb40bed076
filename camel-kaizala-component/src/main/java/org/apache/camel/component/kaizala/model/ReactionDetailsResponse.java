package org.apache.camel.component.kaizala.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The reactions of one type on an action (reference §11.4); {@code cursor} continues the listing. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionDetailsResponse(List<ReactionDetail> reactionDetails, String cursor) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return Cursors.headers(cursor, reactionDetails);
    }
}
