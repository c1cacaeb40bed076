package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The webhooks of an object (reference §12.4). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhooksResponse(List<Webhook> webhooks) implements KaizalaResponse {}
