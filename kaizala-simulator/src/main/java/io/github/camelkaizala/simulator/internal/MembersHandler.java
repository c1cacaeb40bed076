package io.github.camelkaizala.simulator.internal;

import java.util.List;

import io.github.camelkaizala.simulator.Group;

/** Group members (§5): list, add, remove, update role. Changing membership needs an Admin. */
public final class MembersHandler {

    private static final List<String> ROLES = List.of(Store.ADMIN, Store.MEMBER);

    private final Store state;

    public MembersHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("GET", "/groups/{groupId}/members", this::list);
        r.add("PUT", "/groups/{groupId}/members", this::add);
        r.add("DELETE", "/groups/{groupId}/members/{memberId}", this::remove);
        r.add("PUT", "/groups/{groupId}/members/{memberId}", this::updateRole);
    }

    private Response list(Call c) {
        Group g = state.access(c.param("groupId"), c.user(), false);
        return Response.ok(Json.obj("members", g.members().stream()
                .map(m -> Json.obj("id", m.id(), "role", m.role(), "mobileNumber", m.mobileNumber(), "isProvisioned",
                        m.provisioned()))
                .toList()));
    }

    private Response add(Call c) {
        List<String> members = Json.mobileNumbers(c.body(), "members");
        if (members == null) {
            throw Refusal.invalid("MissingField", "'members' is required");
        }
        state.addMembers(c.param("groupId"), c.user(), members);
        return Response.ok(Json.obj("result", true));
    }

    private Response remove(Call c) {
        state.removeMember(c.param("groupId"), c.user(), c.param("memberId"));
        return Response.ok(Json.obj("result", true));
    }

    /** FAQ-only operation (§5.4); its answer is undocumented: {@code {"result": true}}. */
    private Response updateRole(Call c) {
        String role = Json.oneOf(Json.text(c.body(), "role", true), "role", ROLES);
        state.setRole(c.param("groupId"), c.user(), c.param("memberId"), role);
        return Response.ok(Json.obj("result", true));
    }
}
