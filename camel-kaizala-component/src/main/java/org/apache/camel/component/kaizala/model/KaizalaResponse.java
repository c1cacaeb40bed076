package org.apache.camel.component.kaizala.model;

import java.util.Map;

/** An answer from Kaizala; the ids it carries are also set as message headers. */
public interface KaizalaResponse {

    /** Header name to value, for the ids worth a header (e.g. CamelKaizalaReferenceId); nulls are skipped. */
    default Map<String, Object> headers() {
        return Map.of();
    }
}
