package io.github.camelkaizala.simulator.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.Group;

/** Groups (§3): create, list (direct groups, or the whole hierarchy with {@code fetchAllGroups=true}), details. */
public final class GroupsHandler {

    public static final int MAX_MEMBERS = 100;
    public static final List<String> GROUP_TYPES = List.of("Group", "ConnectGroup");

    private final Store state;

    public GroupsHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("POST", "/groups", this::create);
        r.add("GET", "/groups", this::list);
        r.add("GET", "/groups/{groupId}", this::details);
    }

    private Response create(Call c) {
        JsonNode body = c.body();
        String name = Json.text(body, "name", true);
        if (name.isBlank()) {
            throw Refusal.invalid("InvalidField", "'name' must not be blank");
        }
        String welcomeMessage = Json.text(body, "welcomeMessage", true);
        List<String> members = Json.mobileNumbers(body, "members");
        if (members != null && members.size() > MAX_MEMBERS) {
            throw Refusal.invalid("TooManyMembers", "at most " + MAX_MEMBERS + " members, got " + members.size());
        }
        String type = Json.text(body, "groupType", false);
        String groupType = type == null ? "Group" : Json.oneOf(type, "groupType", GROUP_TYPES);
        Group g = state.createGroup(name, welcomeMessage, groupType, c.user(), members == null ? List.of() : members);
        return Response.ok(Json.obj("groupId", g.id(), "groupName", g.name(), "membersAdded", true));
    }

    /** The caller's groups; with {@code fetchAllGroups=true} also every group above and below them. */
    private Response list(Call c) {
        boolean all = c.queryFlag("fetchAllGroups", false);
        return Response
                .ok(Json.obj("groups", state.groupsOf(c.user(), all).stream().map(g -> json(g, c.user())).toList()));
    }

    /** The article's envelope {@code {"groups":[{…}]}} with one element (§3.3). */
    private Response details(Call c) {
        Group g = state.access(c.param("groupId"), c.user(), false);
        return Response.ok(Json.obj("groups", List.of(json(g, c.user()))));
    }

    private Map<String, Object> json(Group g, String caller) {
        String callerRole = state.roleOf(g.id(), caller);
        long unprovisioned = g.members().stream().filter(m -> !m.provisioned()).count();
        int userCount = state.hierarchyUserCount(g.id());
        return Json.obj(
                "groupName", g.name(),
                "groupId", g.id(),
                "groupImageUrl", g.groupImageUrl(),
                "welcomeMessage", g.welcomeMessage(),
                "hasSubGroups", !g.subGroups().isEmpty(),
                "hasParentGroups", !g.parentGroups().isEmpty(),
                "callerRole", callerRole,
                "currentLevelSubGroupCount", g.subGroups().size(),
                "currentLevelParentGroupCount", g.parentGroups().size(),
                "userCount", userCount,
                "uniqueUserCount", userCount,
                "currentLevelUserCount", g.members().size(),
                "currentLevelUnProvisionedUserCount", unprovisioned,
                "unProvisionedUserCount", unprovisioned,
                "isMappedToTenant", false,
                "groupType", g.groupType(),
                "isDuplicate", false,
                "isEditable", Store.ADMIN.equals(callerRole),
                "isDetailsReadable", true);
    }
}
