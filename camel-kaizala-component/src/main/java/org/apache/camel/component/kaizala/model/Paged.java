package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.kaizala.api.KaizalaConstants;

/**
 * A page of a listing: its items and the cursor of the next page. One rule says where a listing ends (see
 * {@link #continuing}); the paging headers and {@code allPages} both follow it.
 *
 * @param <T> the items
 * @param <P> the answer type itself
 */
public interface Paged<T, P extends Paged<T, P>> extends KaizalaResponse {

    /** The items of this page (empty, never null). */
    List<T> items();

    /** What to send for the next page, or null when this is the last page. */
    String nextCursor();

    /** An answer of this type holding {@code items} and no next page: what joining the pages makes. */
    P withItems(List<T> items);

    /** The items of every page, in order, as one answer. */
    default P join(List<P> pages) {
        List<T> all = new ArrayList<>();
        for (P page : pages) {
            all.addAll(page.items());
        }
        return withItems(all);
    }

    /** {@code CamelKaizalaHasMore}, and {@code CamelKaizalaNextCursor} when there is a next page. */
    @Override
    default Map<String, Object> headers() {
        Map<String, Object> headers = new HashMap<>();
        String next = nextCursor();
        headers.put(KaizalaConstants.HAS_MORE, next != null);
        if (next != null) {
            headers.put(KaizalaConstants.NEXT_CURSOR, next);
        }
        return headers;
    }

    /**
     * The one rule for the last page: a page continues only when it brought items and a non-empty cursor. An absent
     * cursor (reference §14 D21), an empty one ({@code ""}) or an empty page ends the listing.
     */
    static String continuing(String cursor, List<?> items) {
        return cursor == null || cursor.isEmpty() || items == null || items.isEmpty() ? null : cursor;
    }

    /** A list as given, or empty for none. */
    static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
