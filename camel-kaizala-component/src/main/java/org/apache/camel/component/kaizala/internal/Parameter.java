package org.apache.camel.component.kaizala.internal;

import java.util.function.Function;

import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.KaizalaConstants;

/**
 * A value an operation takes from the exchange: the header if set, else the endpoint option, else (for a few) another
 * parameter. Path placeholders ({@code {groupId}}) and query parameters are named after these.
 */
public enum Parameter {

    GROUP_ID("groupId", KaizalaConstants.GROUP_ID, KaizalaConfiguration::getGroupId), SUB_GROUP_ID("subGroupId",
            KaizalaConstants.SUB_GROUP_ID, KaizalaConfiguration::getSubGroupId), MEMBER_ID("memberId",
                    KaizalaConstants.MEMBER_ID, KaizalaConfiguration::getMemberId), ACTION_ID("actionId",
                            KaizalaConstants.ACTION_ID, KaizalaConfiguration::getActionId), REFERENCE_ID("referenceId",
                                    KaizalaConstants.REFERENCE_ID, KaizalaConfiguration::getReferenceId), WEBHOOK_ID(
                                            "webhookId", KaizalaConstants.WEBHOOK_ID,
                                            KaizalaConfiguration::getWebhookId), RESPONSE_ID("responseId",
                                                    KaizalaConstants.UPDATE_RESPONSE_ID,
                                                    KaizalaConfiguration::getResponseId), SOURCE_GROUP_ID(
                                                            "sourceGroupId", KaizalaConstants.SOURCE_GROUP_ID,
                                                            KaizalaConfiguration::getSourceGroupId,
                                                            GROUP_ID), SHOW_DETAIL("showDetail",
                                                                    KaizalaConstants.SHOW_DETAIL,
                                                                    KaizalaConfiguration::getShowDetail), FETCH_ALL_GROUPS(
                                                                            "fetchAllGroups",
                                                                            KaizalaConstants.FETCH_ALL_GROUPS,
                                                                            KaizalaConfiguration::getFetchAllGroups), ACTION_TYPE(
                                                                                    "actionType",
                                                                                    KaizalaConstants.ACTION_TYPE,
                                                                                    KaizalaConfiguration::getActionType), FROM_DATE(
                                                                                            "fromDate",
                                                                                            KaizalaConstants.FROM_DATE,
                                                                                            KaizalaConfiguration::getFromDate), COUNT(
                                                                                                    "count",
                                                                                                    KaizalaConstants.COUNT,
                                                                                                    KaizalaConfiguration::getCount), CURSOR(
                                                                                                            "cursor",
                                                                                                            KaizalaConstants.CURSOR,
                                                                                                            KaizalaConfiguration::getCursor), ALL_PAGES(
                                                                                                                    "allPages",
                                                                                                                    KaizalaConstants.ALL_PAGES,
                                                                                                                    KaizalaConfiguration::isAllPages), GET_DETAILS(
                                                                                                                            "getDetails",
                                                                                                                            KaizalaConstants.GET_DETAILS,
                                                                                                                            KaizalaConfiguration::isGetDetails), REACTION_TYPE(
                                                                                                                                    "reactionType",
                                                                                                                                    KaizalaConstants.REACTION_TYPE,
                                                                                                                                    KaizalaConfiguration::getReactionType), ROLE(
                                                                                                                                            "role",
                                                                                                                                            KaizalaConstants.ROLE,
                                                                                                                                            KaizalaConfiguration::getRole), OBJECT_ID(
                                                                                                                                                    "objectId",
                                                                                                                                                    KaizalaConstants.OBJECT_ID,
                                                                                                                                                    KaizalaConfiguration::getObjectId,
                                                                                                                                                    GROUP_ID), OBJECT_TYPE(
                                                                                                                                                            "objectType",
                                                                                                                                                            KaizalaConstants.OBJECT_TYPE,
                                                                                                                                                            KaizalaConfiguration::getObjectType), MOBILE_NUMBER(
                                                                                                                                                                    "mobileNumber",
                                                                                                                                                                    KaizalaConstants.MOBILE_NUMBER,
                                                                                                                                                                    KaizalaConfiguration::getMobileNumber), ACTION_PACKAGE_ID(
                                                                                                                                                                            "actionPackageId",
                                                                                                                                                                            KaizalaConstants.ACTION_PACKAGE_ID,
                                                                                                                                                                            KaizalaConfiguration::getActionPackageId), TITLE(
                                                                                                                                                                                    "title",
                                                                                                                                                                                    KaizalaConstants.TITLE,
                                                                                                                                                                                    KaizalaConfiguration::getTitle), FILE_NAME(
                                                                                                                                                                                            "fileName",
                                                                                                                                                                                            KaizalaConstants.FILE_NAME,
                                                                                                                                                                                            KaizalaConfiguration::getFileName), MEDIA_TYPE(
                                                                                                                                                                                                    "mediaType",
                                                                                                                                                                                                    KaizalaConstants.MEDIA_TYPE,
                                                                                                                                                                                                    KaizalaConfiguration::getMediaType), CAPTION(
                                                                                                                                                                                                            "caption",
                                                                                                                                                                                                            KaizalaConstants.CAPTION,
                                                                                                                                                                                                            KaizalaConfiguration::getCaption), MEDIA_RESOURCE(
                                                                                                                                                                                                                    "mediaResource",
                                                                                                                                                                                                                    KaizalaConstants.MEDIA_RESOURCE,
                                                                                                                                                                                                                    c -> null), SUBSCRIBERS(
                                                                                                                                                                                                                            "subscribers",
                                                                                                                                                                                                                            KaizalaConstants.SUBSCRIBERS,
                                                                                                                                                                                                                            KaizalaConfiguration::getSubscribers), SEND_TO_ALL_SUBSCRIBERS(
                                                                                                                                                                                                                                    "sendToAllSubscribers",
                                                                                                                                                                                                                                    KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS,
                                                                                                                                                                                                                                    KaizalaConfiguration::getSendToAllSubscribers);

    private final String name;
    private final String header;
    private final Function<KaizalaConfiguration, Object> option;
    private final Parameter fallback;

    Parameter(String name, String header, Function<KaizalaConfiguration, Object> option) {
        this(name, header, option, null);
    }

    Parameter(String name, String header, Function<KaizalaConfiguration, Object> option, Parameter fallback) {
        this.name = name;
        this.header = header;
        this.option = option;
        this.fallback = fallback;
    }

    public String parameterName() {
        return name;
    }

    public String header() {
        return header;
    }

    Object option(KaizalaConfiguration configuration) {
        return option.apply(configuration);
    }

    Parameter fallback() {
        return fallback;
    }

    /** How to set it, for error messages. */
    String hint() {
        String hint = "set the " + name + " option or the " + header + " header";
        return fallback == null ? hint : hint + " (default: " + fallback.name + ")";
    }

    public static Parameter named(String name) {
        for (Parameter parameter : values()) {
            if (parameter.name.equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("No parameter named " + name);
    }
}
