package org.apache.camel.component.kaizala.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.component.kaizala.KaizalaConstants;

/** The paging headers of the reaction listings: a page that returned items may have a next one. */
final class Cursors {

    private Cursors() {
    }

    static Map<String, Object> headers(String cursor, List<?> items) {
        Map<String, Object> headers = new HashMap<>();
        boolean more = cursor != null && !cursor.isEmpty() && items != null && !items.isEmpty();
        headers.put(KaizalaConstants.HAS_MORE, more);
        if (more) {
            headers.put(KaizalaConstants.NEXT_CURSOR, cursor);
        }
        return headers;
    }
}
