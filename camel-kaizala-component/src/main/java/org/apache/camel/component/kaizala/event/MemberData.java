package org.apache.camel.component.kaizala.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** MemberAdded and MemberRemoved: who joined or left, and their role ({@code type}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberData(String member, String memberName, String memberProfilePic, String type) implements EventData {}
