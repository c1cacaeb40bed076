package org.apache.camel.component.kaizala.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An event Kaizala delivered to a webhook (reference §12.7): the envelope, the typed {@link #data()} for its event
 * type, and the raw JSON as received.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KaizalaEvent(
        String objectId, String objectType, String eventType, String eventId, String context, String fromUser,
        String fromUserId, String fromUserName, String fromUserProfilePic, EventData data, String rawJson) {

    /**
     * The event types a subscription may name — the single list of them in the component: the 13 Kaizala documented
     * (reference §12.7), then four its own request collection subscribed to without documenting their payload. An
     * event of a type not listed here (one Kaizala adds later) still reaches the route, with {@link OpaqueData}.
     */
    public enum Type {

        ActionCreated,
        ActionResponse,
        SurveyCreated,
        SurveyResponse,
        JobCreated,
        JobResponse,
        TextMessageCreated,
        AttachmentCreated,
        Announcement,
        MemberAdded,
        MemberRemoved,
        GroupAdded,
        GroupRemoved,
        PollCreated(false),
        PollResponse(false),
        LetsMeetCreated(false),
        LetsMeetResponse(false);

        private static final Map<String, Type> BY_NAME = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(Type::name, type -> type));
        private static final List<String> NAMES = Arrays.stream(values()).map(Type::name).toList();
        private static final List<String> DOCUMENTED = Arrays.stream(values()).filter(t -> t.documented).map(Type::name)
                .toList();

        private final boolean documented;

        Type() {
            this(true);
        }

        Type(boolean documented) {
            this.documented = documented;
        }

        /** Every event type a subscription may name, documented or not. */
        public static List<String> names() {
            return NAMES;
        }

        /** The 13 documented event types: what a subscription gets when it names none. */
        public static List<String> documentedNames() {
            return DOCUMENTED;
        }

        /** The type named (in any case), or null for one Kaizala may add later. */
        public static Type of(String name) {
            if (name == null) {
                return null;
            }
            Type exact = BY_NAME.get(name);
            if (exact != null) {
                return exact;
            }
            for (Type type : values()) {
                if (type.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return type;
                }
            }
            return null;
        }

        public Class<? extends EventData> dataType() {
            return switch (this) {
                case TextMessageCreated -> TextMessageData.class;
                case AttachmentCreated -> AttachmentData.class;
                case Announcement -> AnnouncementData.class;
                case JobCreated -> JobCreatedData.class;
                case JobResponse -> JobResponseData.class;
                case SurveyCreated, ActionCreated -> ActionCreatedData.class;
                case SurveyResponse, ActionResponse -> ActionResponseData.class;
                case MemberAdded, MemberRemoved -> MemberData.class;
                case GroupAdded, GroupRemoved, PollCreated, PollResponse, LetsMeetCreated, LetsMeetResponse ->
                    OpaqueData.class;
            };
        }
    }

    public Type type() {
        return Type.of(eventType);
    }

    /** The data as the given type, e.g. {@code event.dataAs(ActionResponseData.class)}; null when it is another. */
    public <T extends EventData> T dataAs(Class<T> type) {
        return type.isInstance(data) ? type.cast(data) : null;
    }

    @Override
    public String toString() {
        return "KaizalaEvent[eventType=" + eventType + ", eventId=" + eventId + ", objectType=" + objectType
                + ", objectId=" + objectId + ", fromUser=" + fromUser + ", data=" + data + "]";
    }
}
