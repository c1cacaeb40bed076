package io.github.camelkaizala.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The simulator's data: users, groups, members, messages. One lock guards it all (calls are short).
 * The public methods read snapshots and seed data for tests; the package-private ones serve the handlers
 * and check the caller's access (404 unknown group, 403 not a member / not an admin).
 */
public final class SimulatorState {

    static final String ADMIN = "Admin";
    static final String MEMBER = "Member";

    private static final class GroupData {
        final String id;
        final String name;
        final String welcomeMessage;
        final String groupType;
        final Map<String, String> roles = new LinkedHashMap<>(); // mobile number -> role
        final List<Message> messages = new ArrayList<>();

        GroupData(String id, String name, String welcomeMessage, String groupType) {
            this.id = id;
            this.name = name;
            this.welcomeMessage = welcomeMessage;
            this.groupType = groupType;
        }
    }

    private final String groupIdSuffix;
    private final Map<String, GroupData> groups = new LinkedHashMap<>();
    private final Map<String, String> userIds = new LinkedHashMap<>(); // mobile number -> user id
    private final Set<String> provisioned = new HashSet<>();

    SimulatorState(String groupIdSuffix) {
        this.groupIdSuffix = groupIdSuffix;
    }

    /** Every group, in creation order. */
    public synchronized List<Group> groups() {
        return groups.values().stream().map(this::snapshot).toList();
    }

    public synchronized Optional<Group> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId)).map(this::snapshot);
    }

    /** Seeds a group of type {@code Group} whose Admin is {@link KaizalaSimulator#DEFAULT_USER_MOBILE}. */
    public Group createGroup(String name, String... memberMobiles) {
        return createGroup(name, "Welcome to " + name, "Group", KaizalaSimulator.DEFAULT_USER_MOBILE, List.of(memberMobiles));
    }

    synchronized Group createGroup(String name, String welcomeMessage, String groupType, String creator, List<String> members) {
        GroupData g = new GroupData(UUID.randomUUID() + groupIdSuffix, name, welcomeMessage, groupType);
        g.roles.put(creator, ADMIN);
        members.forEach(m -> g.roles.putIfAbsent(m, MEMBER));
        groups.put(g.id, g);
        return snapshot(g);
    }

    /** Marks a mobile number as a provisioned Kaizala user. */
    synchronized void registerUser(String mobile) {
        provisioned.add(mobile);
    }

    synchronized List<Group> groupsOf(String mobile) {
        return groups.values().stream().filter(g -> g.roles.containsKey(mobile)).map(this::snapshot).toList();
    }

    /** The group if {@code caller} may use it: 404 unknown group, 403 not a member (or not an admin when required). */
    synchronized Group access(String groupId, String caller, boolean adminRequired) {
        return snapshot(require(groupId, caller, adminRequired));
    }

    synchronized void addMembers(String groupId, String caller, List<String> mobiles) {
        GroupData g = require(groupId, caller, true);
        mobiles.forEach(m -> g.roles.putIfAbsent(m, MEMBER));
    }

    synchronized void removeMember(String groupId, String caller, String memberId) {
        GroupData g = require(groupId, caller, true);
        g.roles.remove(mobileOfMember(g, memberId));
    }

    synchronized void setRole(String groupId, String caller, String memberId, String role) {
        GroupData g = require(groupId, caller, true);
        g.roles.put(mobileOfMember(g, memberId), role);
    }

    synchronized Message addMessage(String groupId, String sender, String text, List<String> subscribers,
                                    boolean sendToAllSubscribers) {
        GroupData g = require(groupId, sender, sendToAllSubscribers);
        Message m = new Message(UUID.randomUUID().toString(), text, sender, subscribers, sendToAllSubscribers, Instant.now());
        g.messages.add(m);
        return m;
    }

    private GroupData require(String groupId, String caller, boolean adminRequired) {
        GroupData g = groups.get(groupId);
        if (g == null) {
            throw ApiException.notFound("GroupNotFound", "no group with id '" + groupId + "'");
        }
        String role = g.roles.get(caller);
        if (role == null) {
            throw ApiException.forbidden("the token's user is not a member of group '" + groupId + "'");
        }
        if (adminRequired && !ADMIN.equals(role)) {
            throw ApiException.forbidden("the token's user is not an admin of group '" + groupId + "'");
        }
        return g;
    }

    private String mobileOfMember(GroupData g, String memberId) {
        return g.roles.keySet().stream().filter(m -> userId(m).equals(memberId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("MemberNotFound",
                        "no member with id '" + memberId + "' in group '" + g.id + "'"));
    }

    private String userId(String mobile) {
        return userIds.computeIfAbsent(mobile, m -> UUID.randomUUID().toString());
    }

    private Group snapshot(GroupData g) {
        List<Member> members = g.roles.entrySet().stream()
                .map(e -> new Member(userId(e.getKey()), e.getKey(), e.getValue(), provisioned.contains(e.getKey())))
                .toList();
        return new Group(g.id, g.name, g.welcomeMessage, g.groupType, members, g.messages);
    }
}
