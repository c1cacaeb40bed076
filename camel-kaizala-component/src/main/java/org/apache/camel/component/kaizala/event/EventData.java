package org.apache.camel.component.kaizala.event;

/**
 * The typed {@code data} of a Kaizala event; which record it is depends on the event type (reference §12.7).
 * GroupAdded and GroupRemoved, whose payload Kaizala never documented, carry {@link OpaqueData}.
 */
public sealed interface EventData
        permits TextMessageData, AttachmentData, AnnouncementData, JobCreatedData, JobResponseData, ActionCreatedData,
        ActionResponseData, MemberData, OpaqueData {
}
