package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Per phone number, what happened (reference §6.2, §6.3): e.g. {@code {"+15550100001": {"isAdded": true}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscribersResultResponse(Map<String, Map<String, Object>> result) implements KaizalaResponse {}
