package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code {"result": true}}: whether every member was added or removed (reference §5.2, §5.3). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultResponse(Boolean result) implements KaizalaResponse {}
