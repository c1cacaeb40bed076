package org.apache.camel.component.kaizala.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Reaction counts (reference §11.2, §11.3); {@code cursor} (opaque) continues a group summary. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionSummaryResponse(List<ReactionSummary> summary, String cursor) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return Cursors.headers(cursor, summary);
    }
}
