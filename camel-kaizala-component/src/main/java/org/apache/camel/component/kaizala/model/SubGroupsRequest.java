package org.apache.camel.component.kaizala.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Existing groups to attach as sub-groups (reference §4.3).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"subGroups"})
public class SubGroupsRequest {

    private List<String> subGroups;

    public SubGroupsRequest() {
    }

    /** the ids of the groups to attach */
    public List<String> getSubGroups() {
        return subGroups;
    }

    public void setSubGroups(List<String> subGroups) {
        this.subGroups = subGroups == null ? null : new ArrayList<>(subGroups);
    }

    public SubGroupsRequest subGroups(List<String> subGroups) {
        setSubGroups(subGroups);
        return this;
    }

    @Override
    public String toString() {
        return "SubGroupsRequest[subGroups=" + subGroups + "]";
    }
}
