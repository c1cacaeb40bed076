package io.github.camelkaizala.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkaizala.simulator.Action;
import io.github.camelkaizala.simulator.ActionResponse;
import io.github.camelkaizala.simulator.Event;
import io.github.camelkaizala.simulator.Group;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.Media;
import io.github.camelkaizala.simulator.MediaFile;
import io.github.camelkaizala.simulator.Member;
import io.github.camelkaizala.simulator.Message;
import io.github.camelkaizala.simulator.Reaction;
import io.github.camelkaizala.simulator.Subscriber;
import io.github.camelkaizala.simulator.Webhook;

/**
 * The simulator's data: users, groups and their hierarchy, members, subscribers, messages, actions and their
 * responses, reactions, media, webhooks. One lock guards it all (calls are short). The views and seeding
 * methods back the public {@code SimulatorState}; the others serve the handlers and {@code Human}, check the
 * caller's access and throw {@link Refusal}s (not found, not a member / not an admin, invalid), which the HTTP
 * layer maps to statuses.
 *
 * <p>Access rule: a user's role in a group is their own ({@code Admin} or {@code Member}), except that an
 * Admin of a group is also Admin of every group below it (sub-groups, transitively) without being listed
 * as a member there.
 *
 * <p>Every change that is an event of §12.1 (a message, an action, a response, a member added or removed, a
 * sub-group linked or unlinked) is published, under the lock, to the {@link EventSink} together with the
 * webhooks it matches; seeding methods publish too.
 */
public final class Store {

    public static final String ADMIN = "Admin";
    public static final String MEMBER = "Member";
    public static final String PUBLIC_GROUP = "ConnectGroup";

    /** .NET ticks (100 ns since 0001-01-01) at the Unix epoch: reaction cursors are ticks, as Kaizala's were. */
    private static final long TICKS_AT_EPOCH = 621_355_968_000_000_000L;
    private static final String SUBSCRIBER_CURSOR = "subscribers:";

    private static final class GroupData {

        final String id;
        final String name;
        final String welcomeMessage;
        final String groupType;
        final String imageUrl;
        final Map<String, String> roles = new LinkedHashMap<>(); // mobile number -> role
        final List<Message> messages = new ArrayList<>();
        final Set<String> subGroups = new LinkedHashSet<>(); // ids of direct sub-groups
        final Map<String, Long> subscribers = new LinkedHashMap<>(); // mobile number -> position (cursor paging)
        final List<ActionData> actions = new ArrayList<>();
        final List<Reaction> reactions = new ArrayList<>();

        GroupData(String id, String name, String welcomeMessage, String groupType, String imageUrl) {
            this.id = id;
            this.name = name;
            this.welcomeMessage = welcomeMessage;
            this.groupType = groupType;
            this.imageUrl = imageUrl;
        }

        boolean isPublic() {
            return PUBLIC_GROUP.equals(groupType);
        }
    }

    private static final class ActionData {

        final String groupId;
        final String actionId;
        final String referenceId;
        final String actionType;
        final String packageId;
        final String sender;
        final Instant sentAt;
        final JsonNode body;
        final List<String> subscribers;
        final boolean sendToAllSubscribers;
        final List<String> recipients;
        final List<ActionResponse> responses = new ArrayList<>();

        ActionData(String groupId, String actionId, String actionType, String packageId, String sender, Instant sentAt,
                JsonNode body, List<String> subscribers, boolean sendToAllSubscribers, List<String> recipients) {
            this.groupId = groupId;
            this.actionId = actionId;
            this.referenceId = UUID.randomUUID().toString();
            this.actionType = actionType;
            this.packageId = packageId;
            this.sender = sender;
            this.sentAt = sentAt;
            this.body = body.deepCopy();
            this.subscribers = List.copyOf(subscribers);
            this.sendToAllSubscribers = sendToAllSubscribers;
            this.recipients = List.copyOf(recipients);
        }

        Action snapshot() {
            return new Action(groupId, actionId, referenceId, actionType, packageId, sender, sentAt, body, subscribers,
                    sendToAllSubscribers, recipients, responses);
        }
    }

    /**
     * Receives every event with the webhooks it matches (active, unexpired, object and event type). Called under
     * the state's lock: it must only queue, never call back into the state.
     */
    public interface EventSink {

        void publish(Event event, List<Webhook> targets);
    }

    /** One page of {@code POST /groups/{groupId}/subscribers}; {@code cursor} null on the last page. */
    public record SubscriberPage(List<Subscriber> subscribers, String cursor) {}

    /** One page of {@code GET /groups/{groupId}/actions}. */
    public record ActionPage(List<Action> actions, boolean hasMore) {}

    private final String groupIdSuffix;
    private final Map<String, GroupData> groups = new LinkedHashMap<>();
    private final Map<String, String> userIds = new LinkedHashMap<>(); // mobile number -> user id
    private final Set<String> provisioned = new HashSet<>();
    private final Map<String, Media> media = new LinkedHashMap<>(); // mediaResource -> upload
    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    private long subscriberSeq;
    private long lastMillis;
    private EventSink sink = (event, targets) -> {
    };

    public Store(String groupIdSuffix) {
        this.groupIdSuffix = groupIdSuffix;
    }

    public synchronized void eventSink(EventSink sink) {
        this.sink = sink;
    }

    // ---------------------------------------------------------------- views

    /** Every group, in creation order. */
    public synchronized List<Group> groups() {
        return groups.values().stream().map(this::snapshot).toList();
    }

    public synchronized Optional<Group> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId)).map(this::snapshot);
    }

    /** The action with that {@code actionId}, in whichever group it was posted. */
    public synchronized Optional<Action> action(String actionId) {
        return Optional.ofNullable(findAction(actionId)).map(ActionData::snapshot);
    }

    /** Every upload, in order. */
    public synchronized List<Media> media() {
        return List.copyOf(media.values());
    }

    /** The upload that answered this {@code mediaResource}. */
    public synchronized Optional<Media> media(String mediaResource) {
        return Optional.ofNullable(mediaResource == null ? null : media.get(mediaResource));
    }

    /** Every webhook of every connector, in creation order (deleted ones are gone). */
    public synchronized List<Webhook> webhooks() {
        return List.copyOf(webhooks.values());
    }

    public synchronized Optional<Webhook> webhook(String webhookId) {
        return Optional.ofNullable(webhooks.get(webhookId));
    }

    // ---------------------------------------------------------------- seeding (Java API for tests)

    /** Seeds a group of type {@code Group} whose Admin is {@link KaizalaSimulator#DEFAULT_USER_MOBILE}. */
    public Group createGroup(String name, String... memberMobiles) {
        return createGroup(name, "Welcome to " + name, "Group", KaizalaSimulator.DEFAULT_USER_MOBILE,
                List.of(memberMobiles));
    }

    /** Seeds a managed public group ({@code ConnectGroup}) whose Admin is {@link KaizalaSimulator#DEFAULT_USER_MOBILE}. */
    public Group createPublicGroup(String name, String... memberMobiles) {
        return createGroup(name, "Welcome to " + name, PUBLIC_GROUP, KaizalaSimulator.DEFAULT_USER_MOBILE,
                List.of(memberMobiles));
    }

    /**
     * Seeds a group of type {@code Group} linked below {@code parentGroupId}, whose Admin is
     * {@link KaizalaSimulator#DEFAULT_USER_MOBILE}.
     */
    public synchronized Group createSubGroup(String parentGroupId, String name, String... memberMobiles) {
        GroupData parent = seedTarget(parentGroupId);
        Group g = createGroup(name, "Welcome to " + name, "Group", KaizalaSimulator.DEFAULT_USER_MOBILE,
                List.of(memberMobiles));
        parent.subGroups.add(g.id());
        emit(EventData.GROUP_ADDED, parent, null, null, KaizalaSimulator.DEFAULT_USER_MOBILE,
                EventData.group(g.id(), g.name()));
        return snapshot(groups.get(g.id()));
    }

    /** Seeds subscribers of a public group; IllegalArgumentException for a plain group. */
    public synchronized Group addSubscribers(String groupId, String... mobiles) {
        GroupData g = seedTarget(groupId);
        if (!g.isPublic()) {
            throw new IllegalArgumentException("group " + groupId + " is not a public group (ConnectGroup)");
        }
        for (String m : mobiles) {
            if (!Json.isMobile(m)) {
                throw new IllegalArgumentException("not a phone number: " + m);
            }
            g.subscribers.putIfAbsent(m, ++subscriberSeq);
        }
        return snapshot(g);
    }

    /**
     * Seeds a survey sent by {@link KaizalaSimulator#DEFAULT_USER_MOBILE} with one {@code Text} question per title
     * (due in 24 hours, one response per person).
     */
    public synchronized Action createSurvey(String groupId, String title, String... questionTitles) {
        GroupData g = seedTarget(groupId);
        ObjectNode body = Json.MAPPER.createObjectNode().put("title", title);
        ArrayNode questions = body.putArray("questions");
        for (String q : questionTitles) {
            questions.addObject().put("title", q).put("type", "Text");
        }
        body.put("dueDate", 24).put("isAnonymous", false).put("isSenderOnly", false).put("acceptMultipleResponses",
                false);
        ActionData a = new ActionData(g.id, UUID.randomUUID().toString(), "Survey", null,
                KaizalaSimulator.DEFAULT_USER_MOBILE, now(), body, List.of(), false, List.of());
        g.actions.add(a);
        emitCreated(g, a.snapshot());
        return a.snapshot();
    }

    private GroupData seedTarget(String groupId) {
        GroupData g = groups.get(groupId);
        if (g == null) {
            throw new IllegalArgumentException("no group with id " + groupId);
        }
        return g;
    }

    // ---------------------------------------------------------------- groups and hierarchy

    public synchronized Group createGroup(String name, String welcomeMessage, String groupType, String creator,
            List<String> members) {
        GroupData g = newGroup(name, welcomeMessage, groupType, "");
        g.roles.put(creator, ADMIN);
        members.forEach(m -> g.roles.putIfAbsent(m, MEMBER));
        return snapshot(g);
    }

    private GroupData newGroup(String name, String welcomeMessage, String groupType, String imageUrl) {
        GroupData g = new GroupData(UUID.randomUUID() + groupIdSuffix, name, welcomeMessage, groupType, imageUrl);
        groups.put(g.id, g);
        return g;
    }

    /** Marks a mobile number as a provisioned Kaizala user. */
    public synchronized void registerUser(String mobile) {
        provisioned.add(mobile);
    }

    /** The groups {@code mobile} is a member of; with {@code hierarchy}, also every group above and below them. */
    public synchronized List<Group> groupsOf(String mobile, boolean hierarchy) {
        Set<String> ids = new LinkedHashSet<>();
        for (GroupData g : groups.values()) {
            if (g.roles.containsKey(mobile)) {
                ids.add(g.id);
                if (hierarchy) {
                    ids.addAll(ancestors(g));
                    ids.addAll(descendants(g));
                }
            }
        }
        return groups.values().stream().filter(g -> ids.contains(g.id)).map(this::snapshot).toList();
    }

    /** {@code mobile}'s role in the group ({@code Admin} also when inherited from a parent group), or null. */
    public synchronized String roleOf(String groupId, String mobile) {
        GroupData g = groups.get(groupId);
        return g == null ? null : roleOf(g, mobile);
    }

    /** Distinct members of the group and of every group below it. */
    public synchronized int hierarchyUserCount(String groupId) {
        GroupData g = groups.get(groupId);
        if (g == null) {
            return 0;
        }
        Set<String> users = new HashSet<>(g.roles.keySet());
        descendants(g).forEach(id -> users.addAll(groups.get(id).roles.keySet()));
        return users.size();
    }

    /** The group if {@code caller} may use it: 404 unknown group, 403 not a member (or not an admin when required). */
    public synchronized Group access(String groupId, String caller, boolean adminRequired) {
        return snapshot(require(groupId, caller, adminRequired));
    }

    /** Creates a group linked below {@code parentId} (caller: Admin of the parent). */
    public synchronized Group createSubGroup(String parentId, String caller, String name, String welcomeMessage,
            String groupType,
            String imageUrl, List<String> members, boolean addCaller) {
        GroupData parent = require(parentId, caller, true);
        GroupData g = newGroup(name, welcomeMessage, groupType, imageUrl == null ? "" : imageUrl);
        if (addCaller) {
            g.roles.put(caller, ADMIN);
        }
        members.forEach(m -> g.roles.putIfAbsent(m, MEMBER));
        parent.subGroups.add(g.id);
        emit(EventData.GROUP_ADDED, parent, null, null, caller, EventData.group(g.id, g.name));
        return snapshot(g);
    }

    /**
     * Links existing groups below {@code parentId} (caller: Admin of the parent, able to read each linked group);
     * all or nothing. 404 for an unknown group, 400 for a link that would make a cycle.
     */
    public synchronized void linkSubGroups(String parentId, String caller, List<String> subGroupIds) {
        GroupData parent = require(parentId, caller, true);
        Set<String> above = ancestors(parent);
        for (String id : subGroupIds) {
            require(id, caller, false);
            if (id.equals(parent.id) || above.contains(id)) {
                throw Json.invalid("subGroups", "would make a cycle: group '" + id + "' is '" + parentId
                        + "' or one of its parent groups");
            }
        }
        for (String id : subGroupIds) {
            if (parent.subGroups.add(id)) {
                emit(EventData.GROUP_ADDED, parent, null, null, caller, EventData.group(id, groups.get(id).name));
            }
        }
    }

    /** Unlinks a direct sub-group (caller: Admin of the parent); the group itself remains. */
    public synchronized void unlinkSubGroup(String parentId, String caller, String subGroupId) {
        GroupData parent = require(parentId, caller, true);
        if (!parent.subGroups.remove(subGroupId)) {
            throw Refusal.notFound("SubGroupNotFound",
                    "group '" + subGroupId + "' is not a sub-group of group '" + parentId + "'");
        }
        emit(EventData.GROUP_REMOVED, parent, null, null, caller,
                EventData.group(subGroupId, groups.get(subGroupId).name));
    }

    /** The direct sub-groups of a group, or with {@code all} every group below it (each once, nearest first). */
    public synchronized List<Group> subGroups(String parentId, String caller, boolean all) {
        GroupData parent = require(parentId, caller, false);
        List<String> ids = all ? new ArrayList<>(descendants(parent)) : List.copyOf(parent.subGroups);
        return ids.stream().map(groups::get).map(this::snapshot).toList();
    }

    // ---------------------------------------------------------------- members

    public synchronized void addMembers(String groupId, String caller, List<String> mobiles) {
        GroupData g = require(groupId, caller, true);
        for (String m : mobiles) {
            if (g.roles.putIfAbsent(m, MEMBER) == null) {
                emit(EventData.MEMBER_ADDED, g, null, null, caller, EventData.member(m, MEMBER));
            }
        }
    }

    public synchronized void removeMember(String groupId, String caller, String memberId) {
        GroupData g = require(groupId, caller, true);
        String mobile = mobileOfMember(g, memberId);
        String role = g.roles.remove(mobile);
        emit(EventData.MEMBER_REMOVED, g, null, null, caller, EventData.member(mobile, role));
    }

    /** {@code mobile} joins the group as a Member by itself (no admin needed); false when already a member. */
    public synchronized boolean join(String groupId, String mobile) {
        GroupData g = groups.get(groupId);
        if (g == null) {
            throw Refusal.notFound("GroupNotFound", "no group with id '" + groupId + "'");
        }
        if (g.roles.putIfAbsent(mobile, MEMBER) != null) {
            return false;
        }
        emit(EventData.MEMBER_ADDED, g, null, null, mobile, EventData.member(mobile, MEMBER));
        return true;
    }

    /** {@code mobile} leaves the group by itself; false when not a member. */
    public synchronized boolean leave(String groupId, String mobile) {
        GroupData g = groups.get(groupId);
        if (g == null) {
            throw Refusal.notFound("GroupNotFound", "no group with id '" + groupId + "'");
        }
        String role = g.roles.remove(mobile);
        if (role == null) {
            return false;
        }
        emit(EventData.MEMBER_REMOVED, g, null, null, mobile, EventData.member(mobile, role));
        return true;
    }

    /** The member id ({@code memberId}) of {@code mobile} in any group, if it is a member of that group. */
    public synchronized String memberId(String groupId, String mobile) {
        GroupData g = groups.get(groupId);
        if (g == null || !g.roles.containsKey(mobile)) {
            throw Refusal.notFound("MemberNotFound", mobile + " is not a member of group '" + groupId + "'");
        }
        return userId(mobile);
    }

    /** The user id of a phone number (the same in every group, and as {@code fromUserId}). */
    public synchronized String userIdOf(String mobile) {
        return userId(mobile);
    }

    public synchronized void setRole(String groupId, String caller, String memberId, String role) {
        GroupData g = require(groupId, caller, true);
        g.roles.put(mobileOfMember(g, memberId), role);
    }

    // ---------------------------------------------------------------- subscribers (public groups)

    /** A page of subscribers, in subscription order; {@code cursor} from the previous page or null. */
    public synchronized SubscriberPage subscribers(String groupId, String caller, int count, String cursor) {
        GroupData g = requirePublic(groupId, caller, false);
        long after = cursor == null || cursor.isEmpty() ? 0 : decodeSubscriberCursor(cursor);
        List<Map.Entry<String, Long>> rest = g.subscribers.entrySet().stream().filter(e -> e.getValue() > after)
                .toList();
        List<Map.Entry<String, Long>> page = rest.subList(0, Math.min(count, rest.size()));
        String next = rest.size() > page.size() ? encodeSubscriberCursor(page.get(page.size() - 1).getValue()) : null;
        return new SubscriberPage(page.stream().map(e -> subscriber(e.getKey())).toList(), next);
    }

    /** Subscribes numbers (caller: Admin); the answer maps each number to null (done) or the reason it was not. */
    public synchronized Map<String, String> subscribe(String groupId, String caller, List<String> mobiles) {
        GroupData g = requirePublic(groupId, caller, true);
        Map<String, String> result = new LinkedHashMap<>();
        for (String m : mobiles) {
            if (!Json.isMobile(m)) {
                result.put(m, "InvalidMobileNumber");
            } else if (g.subscribers.containsKey(m)) {
                result.putIfAbsent(m, "AlreadySubscribed");
            } else {
                g.subscribers.put(m, ++subscriberSeq);
                result.put(m, null);
            }
        }
        return result;
    }

    /** Unsubscribes numbers (caller: Admin); as {@link #subscribe}. */
    public synchronized Map<String, String> unsubscribe(String groupId, String caller, List<String> mobiles) {
        GroupData g = requirePublic(groupId, caller, true);
        Map<String, String> result = new LinkedHashMap<>();
        for (String m : mobiles) {
            if (!Json.isMobile(m)) {
                result.put(m, "InvalidMobileNumber");
            } else if (g.subscribers.remove(m) == null) {
                result.putIfAbsent(m, "NotSubscribed");
            } else {
                result.put(m, null);
            }
        }
        return result;
    }

    private GroupData requirePublic(String groupId, String caller, boolean adminRequired) {
        GroupData g = require(groupId, caller, adminRequired);
        if (!g.isPublic()) {
            throw Refusal.invalid("NotAPublicGroup",
                    "group '" + groupId + "' is not a public group (groupType ConnectGroup): it has no subscribers");
        }
        return g;
    }

    private static String encodeSubscriberCursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((SUBSCRIBER_CURSOR + position).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeSubscriberCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(SUBSCRIBER_CURSOR)) {
                return Long.parseLong(text.substring(SUBSCRIBER_CURSOR.length()));
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        throw Json.invalid("cursor", "is not a cursor returned by this operation");
    }

    /**
     * Who of a public group's subscribers receives a post: all of them for {@code toAll}, else those listed
     * (each must be a subscriber: 400). Nobody for a plain group's post.
     */
    private List<String> recipients(GroupData g, List<String> listed, boolean toAll) {
        if (!g.isPublic()) {
            return List.of();
        }
        if (toAll) {
            return List.copyOf(g.subscribers.keySet());
        }
        for (String m : listed) {
            if (!g.subscribers.containsKey(m)) {
                throw Refusal.invalid("NotASubscriber",
                        "'subscribers': " + m + " is not a subscriber of group '" + g.id + "'");
            }
        }
        return listed.stream().distinct().toList();
    }

    // ---------------------------------------------------------------- messages

    public synchronized Message addMessage(String groupId, String sender, String text, List<String> subscribers,
            boolean sendToAllSubscribers) {
        GroupData g = require(groupId, sender, sendToAllSubscribers);
        List<String> recipients = recipients(g, subscribers, sendToAllSubscribers);
        Message m = new Message(UUID.randomUUID().toString(), text, sender, subscribers, sendToAllSubscribers,
                Instant.now(), recipients);
        g.messages.add(m);
        emit(EventData.TEXT_MESSAGE_CREATED, g, null, null, sender, EventData.text(text));
        return m;
    }

    // ---------------------------------------------------------------- actions and responses

    /**
     * Posts an action (caller: member; Admin for {@code sendToAllSubscribers}). {@code withActionId} false for plain
     * media posts. {@code body} is copied.
     */
    public synchronized Action addAction(String groupId, String sender, String actionType, String packageId,
            boolean withActionId,
            JsonNode body, List<String> subscribers, boolean sendToAllSubscribers) {
        GroupData g = require(groupId, sender, sendToAllSubscribers);
        List<String> recipients = recipients(g, subscribers, sendToAllSubscribers);
        ActionData a = new ActionData(g.id, withActionId ? UUID.randomUUID().toString() : null, actionType, packageId,
                sender, now(), body, subscribers, sendToAllSubscribers, recipients);
        g.actions.add(a);
        emitCreated(g, a.snapshot());
        return a.snapshot();
    }

    /**
     * Actions of one kind (built-in type, any case, or package id), oldest first, sent strictly after {@code after}
     * (null: from the start); at most {@code count}.
     */
    public synchronized ActionPage actions(String groupId, String caller, String kind, Instant after, int count) {
        GroupData g = require(groupId, caller, false);
        List<ActionData> matching = g.actions.stream()
                .filter(a -> kind.equalsIgnoreCase(a.actionType != null ? a.actionType : a.packageId))
                .filter(a -> after == null || a.sentAt.isAfter(after))
                .toList();
        List<Action> page = matching.stream().limit(count).map(ActionData::snapshot).toList();
        return new ActionPage(page, matching.size() > count);
    }

    /** An action of the group by its {@code actionId}: 404 when the group has none such. */
    public synchronized Action action(String groupId, String caller, String actionId) {
        return requireAction(require(groupId, caller, false), actionId).snapshot();
    }

    /**
     * Records a response (caller: member). With {@code responseId}: replaces that response (404 unknown, 403 when
     * another user's). Without it, and {@code onePerResponder}: replaces the caller's earlier response if any.
     */
    public synchronized ActionResponse respond(String groupId, String caller, String actionId, String responseId,
            JsonNode answers, JsonNode body, boolean onePerResponder) {
        GroupData g = require(groupId, caller, false);
        ActionData a = requireAction(g, actionId);
        int index = -1;
        if (responseId != null) {
            for (int i = 0; i < a.responses.size() && index < 0; i++) {
                index = a.responses.get(i).responseId().equals(responseId) ? i : -1;
            }
            if (index < 0) {
                throw Refusal.notFound("ResponseNotFound",
                        "no response with id '" + responseId + "' to action '" + actionId + "'");
            }
            if (!a.responses.get(index).responder().equals(caller)) {
                throw Refusal.forbidden("response '" + responseId + "' was submitted by another user");
            }
        } else if (onePerResponder) {
            for (int i = 0; i < a.responses.size() && index < 0; i++) {
                index = a.responses.get(i).responder().equals(caller) ? i : -1;
            }
        }
        ActionResponse r;
        if (index < 0) {
            r = new ActionResponse(UUID.randomUUID().toString(), caller, answers, now(), body, false);
            a.responses.add(r);
        } else {
            r = new ActionResponse(a.responses.get(index).responseId(), caller, answers, now(), body, true);
            a.responses.set(index, r);
        }
        Action snapshot = a.snapshot();
        String type = EventData.response(snapshot);
        ObjectNode data = type.equals(EventData.JOB_RESPONSE)
                ? EventData.jobResponse(snapshot, r) : EventData.response(snapshot, r, media::get);
        emit(type, g, a.actionId, a.packageId, caller, data);
        String specific = EventData.specificResponse(snapshot);
        if (specific != null) {
            emit(specific, g, a.actionId, a.packageId, caller, data.deepCopy());
        }
        return r;
    }

    private ActionData requireAction(GroupData g, String actionId) {
        return g.actions.stream().filter(a -> actionId.equals(a.actionId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("ActionNotFound",
                        "no action with id '" + actionId + "' in group '" + g.id + "'"));
    }

    private ActionData findAction(String actionId) {
        for (GroupData g : groups.values()) {
            for (ActionData a : g.actions) {
                if (actionId.equals(a.actionId)) {
                    return a;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- reactions

    /**
     * Adds a like or comment on a message or action of {@code sourceGroupId}. A second like of the same user on
     * the same card is the first one (no new reaction).
     */
    public synchronized Reaction react(String groupId, String caller, String sourceGroupId, String referenceId,
            String reactionType, String comment) {
        GroupData source = reactionSource(groupId, caller, sourceGroupId);
        requireReference(source, referenceId);
        if (reactionType.equals("Like")) {
            Optional<Reaction> earlier = source.reactions.stream()
                    .filter(r -> r.reactionType().equals("Like") && r.referenceId().equals(referenceId)
                            && r.mobileNumber().equals(caller))
                    .findFirst();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant at = now();
        Reaction r = new Reaction(UUID.randomUUID().toString(), source.id, referenceId, reactionType, comment,
                userId(caller), caller, at, TICKS_AT_EPOCH + at.toEpochMilli() * 10_000);
        source.reactions.add(r);
        return r;
    }

    /** The source group of a reaction query, after the checks of {@link #reactionSource}. */
    public synchronized Group reactionGroup(String groupId, String caller, String sourceGroupId) {
        return snapshot(reactionSource(groupId, caller, sourceGroupId));
    }

    /**
     * The caller must be able to read {@code groupId}; {@code sourceGroupId} must be that group or one below it
     * (404 unknown, 400 unrelated).
     */
    private GroupData reactionSource(String groupId, String caller, String sourceGroupId) {
        GroupData g = require(groupId, caller, false);
        GroupData source = groups.get(sourceGroupId);
        if (source == null) {
            throw Refusal.notFound("GroupNotFound", "no group with id '" + sourceGroupId + "' (sourceGroupId)");
        }
        if (!source.id.equals(g.id) && !descendants(g).contains(source.id)) {
            throw Json.invalid("sourceGroupId", "'" + sourceGroupId + "' is neither group '" + groupId
                    + "' nor one of its sub-groups");
        }
        return source;
    }

    private static void requireReference(GroupData source, String referenceId) {
        boolean known = source.messages.stream().anyMatch(m -> m.referenceId().equals(referenceId))
                || source.actions.stream().anyMatch(a -> a.referenceId.equals(referenceId));
        if (!known) {
            throw Refusal.notFound("ReferenceNotFound",
                    "no message or action with referenceId '" + referenceId + "' in group '" + source.id + "'");
        }
    }

    // ---------------------------------------------------------------- media

    /** Stores an upload and mints its {@code mediaResource}: base64 of {@code {Id, ActionType, Files:[{Id, Name, Size, Type}]}}. */
    public synchronized Media addMedia(String uploader, String actionType, List<MediaFile> files) {
        String id = UUID.randomUUID().toString();
        List<Map<String, Object>> described = files.stream()
                .map(f -> Json.obj("Id", f.id(), "Name", f.name(), "Size", f.size(), "Type", f.contentType()))
                .toList();
        String resource = Base64.getEncoder().encodeToString(
                Json.write(Json.obj("Id", id, "ActionType", actionType, "Files", described)));
        Media m = new Media(id, resource, actionType, files, uploader, Instant.now());
        media.put(resource, m);
        return m;
    }

    // ---------------------------------------------------------------- webhooks

    /** The connector's webhook: 404 when unknown, deleted, or another connector's. */
    public synchronized Webhook webhook(String applicationId, String webhookId) {
        Webhook w = webhooks.get(webhookId);
        if (w == null || !w.applicationId().equals(applicationId)) {
            throw Refusal.notFound("WebhookNotFound", "no webhook with id '" + webhookId + "'");
        }
        return w;
    }

    /**
     * Stores a new or changed webhook after checking its object (see {@link #checkWebhookObject}).
     */
    public synchronized Webhook saveWebhook(String caller, Webhook w, boolean create) {
        if (!create) {
            webhook(w.applicationId(), w.id());
        }
        checkWebhookObject(caller, w.objectType(), w.objectId());
        webhooks.put(w.id(), w);
        return w;
    }

    /** A webhook's object must be a {@code Group} the caller can read, an {@code Action} of such a group (404/403), or any {@code ActionPackage} id. */
    public synchronized void checkWebhookObject(String caller, String objectType, String objectId) {
        switch (objectType) {
            case "Group" -> require(objectId, caller, false);
            case "Action" -> {
                ActionData a = findAction(objectId);
                if (a == null) {
                    throw Refusal.notFound("ActionNotFound", "no action with id '" + objectId + "' (objectId)");
                }
                require(a.groupId, caller, false);
            }
            default -> {
                // ActionPackage: packages are not modelled
            }
        }
    }

    /** Disables a webhook ({@code active=false}), as after its last failed retry; false when it is gone. */
    public synchronized boolean disableWebhook(String webhookId) {
        Webhook w = webhooks.get(webhookId);
        if (w == null) {
            return false;
        }
        webhooks.put(w.id(), new Webhook(w.id(), w.objectId(), w.objectType(), w.eventTypes(), w.callbackUrl(),
                w.callbackToken(), w.context(), false, w.validity(), w.applicationId(), w.createdAt(), Instant.now()));
        return true;
    }

    /** The connector's webhooks on one object. */
    public synchronized List<Webhook> webhooks(String applicationId, String objectId, String objectType) {
        return webhooks.values().stream()
                .filter(w -> w.applicationId().equals(applicationId) && w.objectId().equals(objectId)
                        && w.objectType().equals(objectType))
                .toList();
    }

    public synchronized void deleteWebhook(String applicationId, String webhookId) {
        webhook(applicationId, webhookId);
        webhooks.remove(webhookId);
    }

    // ---------------------------------------------------------------- events

    private void emitCreated(GroupData g, Action a) {
        ObjectNode data = EventData.action(a, media::get);
        emit(EventData.created(a), g, a.actionId(), a.packageId(), a.sender(), data);
        String specific = EventData.specificCreated(a);
        if (specific != null) {
            emit(specific, g, a.actionId(), a.packageId(), a.sender(), data.deepCopy());
        }
    }

    /** Publishes an event of group {@code g} (and of that action and package, when given) caused by {@code fromUser}. */
    private void emit(String eventType, GroupData g, String actionId, String packageId, String fromUser,
            ObjectNode data) {
        Instant at = Instant.now();
        List<Webhook> targets = webhooks.values().stream()
                .filter(w -> subscribed(w, eventType, g.id, actionId, packageId, at)).toList();
        Event event = new Event(UUID.randomUUID().toString(), eventType, g.id, actionId, packageId, fromUser,
                userId(fromUser), displayName(fromUser), EventData.NO_PICTURE, data, at,
                targets.stream().map(Webhook::id).toList());
        sink.publish(event, targets);
    }

    /**
     * Whether a webhook receives an event: active, unexpired, subscribed to its type, and on its object — the
     * group; or the action ({@link EventData#ACTION_EVENTS}); or the package of a custom action
     * ({@link EventData#PACKAGE_EVENTS}).
     */
    private static boolean subscribed(Webhook w, String eventType, String groupId, String actionId, String packageId,
            Instant now) {
        if (!w.active() || !w.validity().isAfter(now) || !w.eventTypes().contains(eventType)) {
            return false;
        }
        return switch (w.objectType()) {
            case "Group" -> w.objectId().equals(groupId);
            case "Action" ->
                actionId != null && w.objectId().equals(actionId) && EventData.ACTION_EVENTS.contains(eventType);
            default ->
                packageId != null && w.objectId().equals(packageId) && EventData.PACKAGE_EVENTS.contains(eventType);
        };
    }

    // ---------------------------------------------------------------- internals

    private GroupData require(String groupId, String caller, boolean adminRequired) {
        GroupData g = groups.get(groupId);
        if (g == null) {
            throw Refusal.notFound("GroupNotFound", "no group with id '" + groupId + "'");
        }
        String role = roleOf(g, caller);
        if (role == null) {
            throw Refusal.forbidden("the token's user is not a member of group '" + groupId + "'");
        }
        if (adminRequired && !ADMIN.equals(role)) {
            throw Refusal.forbidden("the token's user is not an admin of group '" + groupId + "'");
        }
        return g;
    }

    private String roleOf(GroupData g, String mobile) {
        String role = g.roles.get(mobile);
        if (ADMIN.equals(role)) {
            return role;
        }
        for (String id : ancestors(g)) {
            if (ADMIN.equals(groups.get(id).roles.get(mobile))) {
                return ADMIN;
            }
        }
        return role;
    }

    private List<GroupData> parents(GroupData g) {
        return groups.values().stream().filter(p -> p.subGroups.contains(g.id)).toList();
    }

    /** Ids of every group above {@code g} (nearest first). */
    private Set<String> ancestors(GroupData g) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<GroupData> todo = new ArrayDeque<>(List.of(g));
        while (!todo.isEmpty()) {
            for (GroupData p : parents(todo.removeFirst())) {
                if (seen.add(p.id)) {
                    todo.addLast(p);
                }
            }
        }
        return seen;
    }

    /** Ids of every group below {@code g} (nearest first). */
    private Set<String> descendants(GroupData g) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<GroupData> todo = new ArrayDeque<>(List.of(g));
        while (!todo.isEmpty()) {
            for (String id : todo.removeFirst().subGroups) {
                if (seen.add(id)) {
                    todo.addLast(groups.get(id));
                }
            }
        }
        seen.remove(g.id);
        return seen;
    }

    private String mobileOfMember(GroupData g, String memberId) {
        return g.roles.keySet().stream().filter(m -> userId(m).equals(memberId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("MemberNotFound",
                        "no member with id '" + memberId + "' in group '" + g.id + "'"));
    }

    private String userId(String mobile) {
        return userIds.computeIfAbsent(mobile, m -> UUID.randomUUID().toString());
    }

    /** The simulator's display name for a number. */
    public static String displayName(String mobile) {
        return "User " + mobile;
    }

    private Subscriber subscriber(String mobile) {
        return new Subscriber(userId(mobile), mobile, displayName(mobile), provisioned.contains(mobile));
    }

    /** Now, strictly later than every instant handed out before (so times order actions and reactions). */
    private Instant now() {
        lastMillis = Math.max(System.currentTimeMillis(), lastMillis + 1);
        return Instant.ofEpochMilli(lastMillis);
    }

    private Group snapshot(GroupData g) {
        List<Member> members = g.roles.entrySet().stream()
                .map(e -> new Member(userId(e.getKey()), e.getKey(), e.getValue(), provisioned.contains(e.getKey())))
                .toList();
        List<String> parents = parents(g).stream().map(p -> p.id).toList();
        List<Subscriber> subscribers = g.subscribers.keySet().stream().map(this::subscriber).toList();
        List<Action> actions = g.actions.stream().map(ActionData::snapshot).toList();
        return new Group(g.id, g.name, g.welcomeMessage, g.groupType, members, g.messages, g.imageUrl,
                List.copyOf(g.subGroups), parents, subscribers, actions, g.reactions);
    }
}
