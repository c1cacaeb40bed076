package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A group's members (reference §5.1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MembersResponse(List<Member> members) implements KaizalaResponse {}
