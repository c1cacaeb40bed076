package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One like or comment (reference §11.4); {@code lastModifiedTime} is epoch milliseconds. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionDetail(String reactionId, String userId, Long lastModifiedTime) {}
