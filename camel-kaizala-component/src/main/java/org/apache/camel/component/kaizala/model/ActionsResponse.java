package org.apache.camel.component.kaizala.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.KaizalaConstants;

/** A page of actions (reference §9.2); {@code hasMore} says another page exists. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionsResponse(List<ActionItem> actions, Boolean hasMore) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>();
        boolean more = Boolean.TRUE.equals(hasMore) && actions != null && !actions.isEmpty();
        headers.put(KaizalaConstants.HAS_MORE, more);
        if (more) {
            headers.put(KaizalaConstants.NEXT_CURSOR, nextFromDate());
        }
        return headers;
    }

    /** Where the next page starts: the last action's time, for the fromDate parameter. */
    public String nextFromDate() {
        if (actions == null || actions.isEmpty()) {
            return null;
        }
        ActionItem last = actions.get(actions.size() - 1);
        return last.sentAt() != null ? last.sentAt() : String.valueOf(last.creationTime());
    }
}
