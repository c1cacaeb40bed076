package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Reaction counts of one action, keyed by lower-case type ({@code like}, {@code comment}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionSummary(String referenceId, Map<String, Long> reactionsCountMap) {}
