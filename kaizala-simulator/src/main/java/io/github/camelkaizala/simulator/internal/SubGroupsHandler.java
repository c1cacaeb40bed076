package io.github.camelkaizala.simulator.internal;

import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.Group;

/**
 * Sub-groups (§4): list, create, link existing groups, unlink. Listing needs read access to the parent;
 * the changes need an Admin of the parent. Path literals match in any case ({@code /subgroups},
 * {@code /subGroups}).
 */
public final class SubGroupsHandler {

    private final Store state;

    public SubGroupsHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("GET", "/groups/{groupId}/subGroups", this::list);
        r.add("POST", "/groups/{groupId}/subGroups", this::create);
        r.add("PUT", "/groups/{groupId}/subGroups", this::link);
        r.add("DELETE", "/groups/{groupId}/subGroups/{subGroupId}", this::unlink);
    }

    /**
     * Swagger's shape (§4.1): the parent group as a bare object with {@code subGroups}: its direct sub-groups, or
     * with {@code fetchAllGroups=true} every group below it, flat, each once, nearest first.
     */
    private Response list(Call c) {
        boolean all = c.queryFlag("fetchAllGroups", false);
        Group parent = state.access(c.param("groupId"), c.user(), false);
        List<Group> subGroups = state.subGroups(parent.id(), c.user(), all);
        Map<String, Object> answer = json(parent);
        answer.remove("isDuplicate");
        answer.put("subGroups", subGroups.stream().map(SubGroupsHandler::json).toList());
        return Response.ok(answer);
    }

    /** Body: the union of §4.2 ({@code groupName} or {@code name}, …). Answer {@code {groupId, groupName}}. */
    private Response create(Call c) {
        Json.Fields body = Json.Fields.of(c.body());
        String name = body.nonBlank(Json.spelling(body.node(), "groupName", "name"));
        String welcomeMessage = body.text("welcomeMessage", true);
        List<String> members = body.mobileNumbers("members");
        if (members != null && members.size() > GroupsHandler.MAX_MEMBERS) {
            throw Refusal.invalid("TooManyMembers",
                    "at most " + GroupsHandler.MAX_MEMBERS + " members, got " + members.size());
        }
        String imageUrl = body.text("groupImageUrl", false);
        Boolean addUser = body.bool("addUserToGroup");
        String type = body.oneOf("groupType", GroupsHandler.GROUP_TYPES, false);
        Group g = state.createSubGroup(c.param("groupId"), c.user(), name, welcomeMessage,
                type == null ? "Group" : type,
                imageUrl, members == null ? List.of() : members, !Boolean.FALSE.equals(addUser));
        return Response.ok(Json.obj("groupId", g.id(), "groupName", g.name()));
    }

    /** Body {@code {subGroups: [ids]}}; answer (undocumented) {@code {"result": true}}. */
    private Response link(Call c) {
        List<String> ids = Json.Fields.of(c.body()).strings("subGroups");
        if (ids == null) {
            throw Json.missing("subGroups");
        }
        if (ids.isEmpty()) {
            throw Json.invalid("subGroups", "must not be empty");
        }
        state.linkSubGroups(c.param("groupId"), c.user(), ids);
        return Response.ok(Json.obj("result", true));
    }

    /** Answer (undocumented) {@code {"result": true}}; 404 when the group is not a direct sub-group. */
    private Response unlink(Call c) {
        state.unlinkSubGroup(c.param("groupId"), c.user(), c.param("subGroupId"));
        return Response.ok(Json.obj("result", true));
    }

    private static Map<String, Object> json(Group g) {
        return Json.obj(
                "groupName", g.name(),
                "groupId", g.id(),
                "groupImageUrl", g.groupImageUrl(),
                "hasSubGroups", !g.subGroups().isEmpty(),
                "hasParentGroups", !g.parentGroups().isEmpty(),
                "isMappedToTenant", false,
                "groupType", g.groupType(),
                "isDuplicate", false,
                "welcomeMessage", g.welcomeMessage());
    }
}
