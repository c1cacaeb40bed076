package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Phone numbers to add to a group (reference §5.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"members"})
public class MembersRequest {

    private List<String> members;

    public MembersRequest() {
    }

    /** phone numbers, with + and country code */
    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members == null ? null : new ArrayList<>(members);
    }

    public MembersRequest members(List<String> members) {
        setMembers(members);
        return this;
    }

    @Override
    public String toString() {
        return "MembersRequest[members=" + members + "]";
    }
}
