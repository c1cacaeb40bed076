package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A new group, or a managed public group with {@code groupType} ConnectGroup (reference §3.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "welcomeMessage", "members", "groupType"})
public class CreateGroupRequest {

    private String name;
    private String welcomeMessage;
    private List<String> members;
    private String groupType;

    public CreateGroupRequest() {
    }

    /** the group name */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CreateGroupRequest name(String name) {
        setName(name);
        return this;
    }

    /** the message new members see */
    public String getWelcomeMessage() {
        return welcomeMessage;
    }

    public void setWelcomeMessage(String welcomeMessage) {
        this.welcomeMessage = welcomeMessage;
    }

    public CreateGroupRequest welcomeMessage(String welcomeMessage) {
        setWelcomeMessage(welcomeMessage);
        return this;
    }

    /** phone numbers to add, at most 100 */
    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members == null ? null : new ArrayList<>(members);
    }

    public CreateGroupRequest members(List<String> members) {
        setMembers(members);
        return this;
    }

    /** Group (the default) or ConnectGroup */
    public String getGroupType() {
        return groupType;
    }

    public void setGroupType(String groupType) {
        this.groupType = groupType;
    }

    public CreateGroupRequest groupType(String groupType) {
        setGroupType(groupType);
        return this;
    }

    @Override
    public String toString() {
        return "CreateGroupRequest[name=" + name
                + ", welcomeMessage=" + welcomeMessage
                + ", members=" + members
                + ", groupType=" + groupType + "]";
    }
}
