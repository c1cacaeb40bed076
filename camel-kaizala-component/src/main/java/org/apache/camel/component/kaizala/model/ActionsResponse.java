package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A page of actions (reference §9.2); {@code hasMore} says another page exists, which starts at the last action's time
 * (the {@code fromDate} parameter).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionsResponse(List<ActionItem> actions, Boolean hasMore) implements Paged<ActionItem, ActionsResponse> {

    @Override
    public List<ActionItem> items() {
        return Paged.orEmpty(actions);
    }

    @Override
    public String nextCursor() {
        return Paged.continuing(Boolean.TRUE.equals(hasMore) ? nextFromDate() : null, actions);
    }

    @Override
    public ActionsResponse withItems(List<ActionItem> items) {
        return new ActionsResponse(items, false);
    }

    /** Where the next page starts: the last action's time, for the fromDate parameter. */
    public String nextFromDate() {
        if (actions == null || actions.isEmpty()) {
            return null;
        }
        ActionItem last = actions.get(actions.size() - 1);
        return last.sentAt() != null ? last.sentAt()
                : last.creationTime() == null ? null : String.valueOf(last.creationTime());
    }
}
