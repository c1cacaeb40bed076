package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The reactions of one type on an action (reference §11.4); {@code cursor} continues the listing. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionDetailsResponse(List<ReactionDetail> reactionDetails, String cursor)
        implements
            Paged<ReactionDetail, ReactionDetailsResponse> {

    @Override
    public List<ReactionDetail> items() {
        return Paged.orEmpty(reactionDetails);
    }

    @Override
    public String nextCursor() {
        return Paged.continuing(cursor, reactionDetails);
    }

    @Override
    public ReactionDetailsResponse withItems(List<ReactionDetail> items) {
        return new ReactionDetailsResponse(items, null);
    }
}
