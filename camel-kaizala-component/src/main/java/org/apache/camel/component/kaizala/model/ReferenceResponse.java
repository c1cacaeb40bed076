package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The answer of an operation that posts something to a group: the {@code referenceId} of what was posted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceResponse(String referenceId) {
}
