package org.apache.camel.component.kaizala.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.camel.component.kaizala.api.KaizalaConstants;

/** A created group or sub-group (reference §3.1, §4.2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateGroupResponse(String groupId, String groupName, Boolean membersAdded) implements KaizalaResponse {

    @Override
    public Map<String, Object> headers() {
        return groupId == null ? Map.of() : Map.of(KaizalaConstants.GROUP_ID, groupId);
    }
}
