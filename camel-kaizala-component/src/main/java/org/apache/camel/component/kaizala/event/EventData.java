package org.apache.camel.component.kaizala.event;

/**
 * The typed {@code data} of a Kaizala event; which record it is depends on the event type (reference §12.7).
 * The types whose payload Kaizala never documented (GroupAdded, GroupRemoved, PollCreated, PollResponse,
 * LetsMeetCreated, LetsMeetResponse) and any type Kaizala adds later carry {@link OpaqueData}.
 */
public sealed interface EventData
        permits TextMessageData, AttachmentData, AnnouncementData, JobCreatedData, JobResponseData, ActionCreatedData,
        ActionResponseData, MemberData, OpaqueData {
}
