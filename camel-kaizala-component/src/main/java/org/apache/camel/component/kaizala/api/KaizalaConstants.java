package org.apache.camel.component.kaizala.api;

import org.apache.camel.spi.Metadata;

/**
 * Message headers read and written by the Kaizala component. A header set on the incoming message wins over the
 * endpoint option of the same meaning.
 */
public final class KaizalaConstants {

    public static final String SCHEME = "kaizala";

    // the values of the enumerated options, comma-separated: the one list the option enums and the validation use

    /** What a webhook subscribes to (reference §12.3): the objectType values. */
    public static final String OBJECT_TYPE_VALUES = "Group,Action,ActionPackage";
    /** The action types actions/list lists and media/send posts (reference §9.1, §8): the actionType values. */
    public static final String ACTION_TYPE_VALUES = "Survey,Job,Poll,LetsMeet,Announcement,Image,Album,Audio,Document,Video,ShareLocation,PhotoWithLocation";
    /** The reactionType values (reference §11.1). */
    public static final String REACTION_TYPE_VALUES = "Like,Comment";
    /** The role values (reference §5.1). */
    public static final String ROLE_VALUES = "Admin,Member";

    @Metadata(label = "producer", javaType = "String", description = "The operation to perform, as resource/operation (for example messages/send); overrides"
            + " the endpoint URI for this message.")
    public static final String OPERATION = "CamelKaizalaOperation";

    @Metadata(javaType = "String", description = "The id of the group the operation applies to; overrides the groupId option. Set on the"
            + " answer of groups/create and subgroups/create.")
    public static final String GROUP_ID = "CamelKaizalaGroupId";

    @Metadata(label = "producer", javaType = "String", description = "subgroups/remove: the sub-group to detach; overrides the subGroupId option.")
    public static final String SUB_GROUP_ID = "CamelKaizalaSubGroupId";

    @Metadata(label = "producer", javaType = "String", description = "members/remove, members/updateRole: the member id; overrides the memberId option.")
    public static final String MEMBER_ID = "CamelKaizalaMemberId";

    @Metadata(javaType = "String", description = "actions/get, responses/survey, job or custom: the action instance; overrides the actionId option. Set on the"
            + " answer of the action-creating operations.")
    public static final String ACTION_ID = "CamelKaizalaActionId";

    @Metadata(javaType = "String", description = "The referenceId Kaizala returned for a posted message or action; reactions: the action"
            + " card reacted to (overrides the referenceId option).")
    public static final String REFERENCE_ID = "CamelKaizalaReferenceId";

    @Metadata(javaType = "String", description = "webhooks/update, webhooks/delete: the webhook; overrides the webhookId option. Set on"
            + " the answer of webhooks/subscribe.")
    public static final String WEBHOOK_ID = "CamelKaizalaWebhookId";

    @Metadata(label = "producer", javaType = "String", description = "The id of the response posted by responses/survey, job or custom.")
    public static final String RESPONSE_ID = "CamelKaizalaResponseId";

    @Metadata(label = "producer", javaType = "String", description = "responses/survey, job or custom: an earlier response to update instead of adding one; overrides the"
            + " responseId option. (Distinct from CamelKaizalaResponseId, which a posted response sets, so"
            + " that a second response in the same route is not mistaken for an update.)")
    public static final String UPDATE_RESPONSE_ID = "CamelKaizalaUpdateResponseId";

    @Metadata(label = "producer", javaType = "String", description = "The id of the like or comment posted by reactions/add.")
    public static final String REACTION_ID = "CamelKaizalaReactionId";

    @Metadata(label = "producer", javaType = "String", description = "The mediaResource handle returned by media/upload; media/send posts it when the body is"
            + " not a file.")
    public static final String MEDIA_RESOURCE = "CamelKaizalaMediaResource";

    @Metadata(label = "producer", javaType = "String", description = "reactions: the group where the action was sent; overrides the sourceGroupId option.")
    public static final String SOURCE_GROUP_ID = "CamelKaizalaSourceGroupId";

    @Metadata(label = "producer", javaType = "String", description = "actions/list: the type to list; media/send: the attachment type. Overrides the"
            + " actionType option.")
    public static final String ACTION_TYPE = "CamelKaizalaActionType";

    @Metadata(label = "producer", javaType = "String", description = "The cursor of the page to fetch; overrides the cursor option.")
    public static final String CURSOR = "CamelKaizalaCursor";

    @Metadata(label = "producer", javaType = "String", description = "Set on a page of a paged listing when another page exists: pass it back as"
            + " CamelKaizalaCursor (actions/list: as fromDate).")
    public static final String NEXT_CURSOR = "CamelKaizalaNextCursor";

    @Metadata(label = "producer", javaType = "Boolean", description = "Set on a page of a paged listing: whether another page exists.")
    public static final String HAS_MORE = "CamelKaizalaHasMore";

    @Metadata(label = "producer", javaType = "String", description = "reactions: Like or Comment; overrides the reactionType option.")
    public static final String REACTION_TYPE = "CamelKaizalaReactionType";

    @Metadata(label = "producer", javaType = "String", description = "members/updateRole: Admin or Member; overrides the role option.")
    public static final String ROLE = "CamelKaizalaRole";

    @Metadata(javaType = "String", description = "webhooks: the object of the subscription; overrides the objectId option. Set on every"
            + " event the consumer delivers.")
    public static final String OBJECT_ID = "CamelKaizalaObjectId";

    @Metadata(javaType = "String", description = "webhooks: Group, Action or ActionPackage; overrides the objectType option. Set on every"
            + " event the consumer delivers.")
    public static final String OBJECT_TYPE = "CamelKaizalaObjectType";

    @Metadata(label = "producer", javaType = "String", description = "auth/generatePin, auth/refreshToken: the phone number; overrides the mobileNumber"
            + " option.")
    public static final String MOBILE_NUMBER = "CamelKaizalaMobileNumber";

    @Metadata(label = "producer", javaType = "String", description = "actions/custom, responses/custom: the action package; overrides the actionPackageId"
            + " option.")
    public static final String ACTION_PACKAGE_ID = "CamelKaizalaActionPackageId";

    @Metadata(label = "producer", javaType = "String", description = "The title used with a short-form body (job, poll, announcement); overrides the title"
            + " option.")
    public static final String TITLE = "CamelKaizalaTitle";

    @Metadata(label = "producer", javaType = "String", description = "media: the file name sent with the upload; overrides the fileName option.")
    public static final String FILE_NAME = "CamelKaizalaFileName";

    @Metadata(label = "producer", javaType = "String", description = "media: the MIME type of the upload; overrides the mediaType option.")
    public static final String MEDIA_TYPE = "CamelKaizalaMediaType";

    @Metadata(label = "producer", javaType = "String", description = "media/send: the text shown with the file; overrides the caption option.")
    public static final String CAPTION = "CamelKaizalaCaption";

    @Metadata(label = "producer", javaType = "Object", description = "Phone numbers of the subscribers of a public group who receive a message or action (each a"
            + " plus sign, the country code and the number): a List or a comma-separated string; overrides"
            + " the subscribers option.")
    public static final String SUBSCRIBERS = "CamelKaizalaSubscribers";

    @Metadata(label = "producer", javaType = "Boolean", description = "Whether a message or action goes to every subscriber of a public group; overrides the"
            + " sendToAllSubscribers option.")
    public static final String SEND_TO_ALL_SUBSCRIBERS = "CamelKaizalaSendToAllSubscribers";

    @Metadata(label = "producer", javaType = "Boolean", description = "groups/list: return every group detail; overrides the showDetail option.")
    public static final String SHOW_DETAIL = "CamelKaizalaShowDetail";

    @Metadata(label = "producer", javaType = "Boolean", description = "groups/list, subgroups/list: the whole hierarchy; overrides the fetchAllGroups option.")
    public static final String FETCH_ALL_GROUPS = "CamelKaizalaFetchAllGroups";

    @Metadata(label = "producer", javaType = "String", description = "actions/list: only actions after this instant; overrides the fromDate option.")
    public static final String FROM_DATE = "CamelKaizalaFromDate";

    @Metadata(label = "producer", javaType = "Integer", description = "The page size of a listing; overrides the count option.")
    public static final String COUNT = "CamelKaizalaCount";

    @Metadata(label = "producer", javaType = "Boolean", description = "Fetch every page of a listing; overrides the allPages option.")
    public static final String ALL_PAGES = "CamelKaizalaAllPages";

    @Metadata(label = "producer", javaType = "Boolean", description = "actions/get: include the responses; overrides the getDetails option.")
    public static final String GET_DETAILS = "CamelKaizalaGetDetails";

    @Metadata(label = "consumer", javaType = "String", description = "The event type, e.g. SurveyResponse.")
    public static final String EVENT_TYPE = "CamelKaizalaEventType";

    @Metadata(label = "consumer", javaType = "String", description = "The event's unique id (the de-duplication key).")
    public static final String EVENT_ID = "CamelKaizalaEventId";

    @Metadata(label = "consumer", javaType = "String", description = "The phone number of whoever caused the event.")
    public static final String FROM_USER = "CamelKaizalaFromUser";

    @Metadata(label = "consumer", javaType = "String", description = "The Kaizala user id of whoever caused the event.")
    public static final String FROM_USER_ID = "CamelKaizalaFromUserId";

    @Metadata(label = "consumer", javaType = "String", description = "The callbackContext of the subscription, as Kaizala sent it back.")
    public static final String CONTEXT = "CamelKaizalaContext";

    private KaizalaConstants() {
    }
}
