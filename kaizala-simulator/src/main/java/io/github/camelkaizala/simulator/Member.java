package io.github.camelkaizala.simulator;

/**
 * A group member. {@code id} is the user's id (the same in every group), used by
 * {@code DELETE /groups/{groupId}/members/{memberId}}; {@code role} is {@code Admin} or {@code Member};
 * {@code provisioned} is true for users known to the simulator (the connectors' users and anyone who
 * signed in with a PIN).
 */
public record Member(String id, String mobileNumber, String role, boolean provisioned) {

    public boolean isAdmin() {
        return "Admin".equals(role);
    }
}
