package io.github.camelkaizala.simulator;

import java.util.List;
import java.util.Optional;

/** An immutable snapshot of a group; {@code groupType} is {@code Group} or {@code ConnectGroup}. */
public record Group(String id, String name, String welcomeMessage, String groupType, List<Member> members,
                    List<Message> messages) {

    public Group {
        members = List.copyOf(members);
        messages = List.copyOf(messages);
    }

    public Optional<Member> member(String mobileNumber) {
        return members.stream().filter(m -> m.mobileNumber().equals(mobileNumber)).findFirst();
    }
}
