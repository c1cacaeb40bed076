package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An action as listed (reference §9.2). {@code sentAt} is ISO-8601; some answers carry {@code creationTime} (epoch
 * seconds) instead. {@code actionBody} is type-specific.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionItem(
        String referenceId, String actionType, String sender, String sentAt, Long creationTime,
        Map<String, Object> actionBody) {}
