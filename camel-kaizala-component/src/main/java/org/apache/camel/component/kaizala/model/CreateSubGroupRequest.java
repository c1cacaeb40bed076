package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A new group beneath a group (reference §4.2). {@code name} is sent with the value of {@code groupName}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"groupName", "name", "welcomeMessage", "members", "groupImageUrl", "addUserToGroup", "groupType"})
public class CreateSubGroupRequest {

    private String groupName;
    private String name;
    private String welcomeMessage;
    private List<String> members;
    private String groupImageUrl;
    private Boolean addUserToGroup;
    private String groupType;

    public CreateSubGroupRequest() {
    }

    /** the sub-group name */
    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public CreateSubGroupRequest groupName(String groupName) {
        setGroupName(groupName);
        return this;
    }

    /** the same name, as the swagger spells it; filled in from groupName */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CreateSubGroupRequest name(String name) {
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

    public CreateSubGroupRequest welcomeMessage(String welcomeMessage) {
        setWelcomeMessage(welcomeMessage);
        return this;
    }

    /** phone numbers to add */
    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members == null ? null : new ArrayList<>(members);
    }

    public CreateSubGroupRequest members(List<String> members) {
        setMembers(members);
        return this;
    }

    /** URL of the group picture */
    public String getGroupImageUrl() {
        return groupImageUrl;
    }

    public void setGroupImageUrl(String groupImageUrl) {
        this.groupImageUrl = groupImageUrl;
    }

    public CreateSubGroupRequest groupImageUrl(String groupImageUrl) {
        setGroupImageUrl(groupImageUrl);
        return this;
    }

    /** false: the calling user is not added to the sub-group */
    public Boolean getAddUserToGroup() {
        return addUserToGroup;
    }

    public void setAddUserToGroup(Boolean addUserToGroup) {
        this.addUserToGroup = addUserToGroup;
    }

    public CreateSubGroupRequest addUserToGroup(Boolean addUserToGroup) {
        setAddUserToGroup(addUserToGroup);
        return this;
    }

    /** always Group */
    public String getGroupType() {
        return groupType;
    }

    public void setGroupType(String groupType) {
        this.groupType = groupType;
    }

    public CreateSubGroupRequest groupType(String groupType) {
        setGroupType(groupType);
        return this;
    }

    @Override
    public String toString() {
        return "CreateSubGroupRequest[groupName=" + groupName
                + ", name=" + name
                + ", welcomeMessage=" + welcomeMessage
                + ", members=" + members
                + ", groupImageUrl=" + groupImageUrl
                + ", addUserToGroup=" + addUserToGroup
                + ", groupType=" + groupType + "]";
    }
}
