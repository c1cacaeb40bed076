package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Reaction counts (reference §11.2, §11.3); {@code cursor} (opaque) continues a group summary. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionSummaryResponse(List<ReactionSummary> summary, String cursor)
        implements
            Paged<ReactionSummary, ReactionSummaryResponse> {

    @Override
    public List<ReactionSummary> items() {
        return Paged.orEmpty(summary);
    }

    @Override
    public String nextCursor() {
        return Paged.continuing(cursor, summary);
    }

    @Override
    public ReactionSummaryResponse withItems(List<ReactionSummary> items) {
        return new ReactionSummaryResponse(items, null);
    }
}
