package io.github.camelkaizala.simulator;

import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of a group; {@code groupType} is {@code Group} or {@code ConnectGroup} (a managed
 * public group, the only kind with subscribers). {@code subGroups} and {@code parentGroups} hold group ids
 * (direct links only); {@code actions} and {@code reactions} are those posted in this group, in order.
 */
public record Group(String id, String name, String welcomeMessage, String groupType, List<Member> members,
        List<Message> messages, String groupImageUrl, List<String> subGroups, List<String> parentGroups,
        List<Subscriber> subscribers, List<Action> actions, List<Reaction> reactions) {

    public Group {
        members = List.copyOf(members);
        messages = List.copyOf(messages);
        subGroups = List.copyOf(subGroups);
        parentGroups = List.copyOf(parentGroups);
        subscribers = List.copyOf(subscribers);
        actions = List.copyOf(actions);
        reactions = List.copyOf(reactions);
    }

    public Optional<Member> member(String mobileNumber) {
        return members.stream().filter(m -> m.mobileNumber().equals(mobileNumber)).findFirst();
    }

    public boolean isPublic() {
        return "ConnectGroup".equals(groupType);
    }

    public Optional<Action> action(String actionId) {
        return actions.stream().filter(a -> actionId.equals(a.actionId())).findFirst();
    }
}
