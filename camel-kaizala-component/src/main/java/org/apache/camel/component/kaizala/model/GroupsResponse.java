package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The groups the token reaches (reference §3.2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GroupsResponse(List<Group> groups) implements KaizalaResponse {}
