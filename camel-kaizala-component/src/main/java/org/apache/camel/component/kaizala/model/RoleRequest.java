package org.apache.camel.component.kaizala.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A member's new role (reference §5.4).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"role"})
public class RoleRequest {

    private String role;

    public RoleRequest() {
    }

    /** Admin or Member */
    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public RoleRequest role(String role) {
        setRole(role);
        return this;
    }

    @Override
    public String toString() {
        return "RoleRequest[role=" + role + "]";
    }
}
