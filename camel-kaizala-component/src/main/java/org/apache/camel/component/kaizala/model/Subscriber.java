package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A subscriber of a public group (reference §6.1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscriber(String id, String mobileNumber, String name, String profilePic, Boolean isProvisioned) {}
