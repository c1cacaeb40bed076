package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A group member (reference §5.1); {@code id} is what members/remove and members/updateRole take. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(String id, String role, String mobileNumber, Boolean isProvisioned) {}
