package org.apache.camel.component.kaizala.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A group as Kaizala lists it (reference §3); every field may be absent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(
        String groupId, String groupName, String groupImageUrl, String groupType, String welcomeMessage,
        Boolean hasSubGroups, Boolean hasParentGroups, Boolean isMappedToTenant, Boolean isDuplicate,
        Integer userCount, Integer currentLevelUserCount, String callerRole, List<Group> subGroups)
        implements
            KaizalaResponse {}
