package org.apache.camel.component.kaizala.internal.operation;

import org.apache.camel.component.kaizala.api.KaizalaConstants;

/**
 * A value an operation takes from the exchange: the header if set, else the endpoint option, else (for a few) another
 * parameter. Path placeholders ({@code {groupId}}) and query parameters are named after these.
 */
public enum Parameter {

    GROUP_ID("groupId", KaizalaConstants.GROUP_ID),
    SUB_GROUP_ID("subGroupId", KaizalaConstants.SUB_GROUP_ID),
    MEMBER_ID("memberId", KaizalaConstants.MEMBER_ID),
    ACTION_ID("actionId", KaizalaConstants.ACTION_ID),
    REFERENCE_ID("referenceId", KaizalaConstants.REFERENCE_ID),
    WEBHOOK_ID("webhookId", KaizalaConstants.WEBHOOK_ID),
    RESPONSE_ID("responseId", KaizalaConstants.UPDATE_RESPONSE_ID),
    SOURCE_GROUP_ID("sourceGroupId", KaizalaConstants.SOURCE_GROUP_ID, GROUP_ID),
    SHOW_DETAIL("showDetail", KaizalaConstants.SHOW_DETAIL),
    FETCH_ALL_GROUPS("fetchAllGroups", KaizalaConstants.FETCH_ALL_GROUPS),
    ACTION_TYPE("actionType", KaizalaConstants.ACTION_TYPE),
    FROM_DATE("fromDate", KaizalaConstants.FROM_DATE),
    COUNT("count", KaizalaConstants.COUNT),
    CURSOR("cursor", KaizalaConstants.CURSOR),
    ALL_PAGES("allPages", KaizalaConstants.ALL_PAGES),
    GET_DETAILS("getDetails", KaizalaConstants.GET_DETAILS),
    REACTION_TYPE("reactionType", KaizalaConstants.REACTION_TYPE),
    ROLE("role", KaizalaConstants.ROLE),
    OBJECT_ID("objectId", KaizalaConstants.OBJECT_ID, GROUP_ID),
    OBJECT_TYPE("objectType", KaizalaConstants.OBJECT_TYPE),
    MOBILE_NUMBER("mobileNumber", KaizalaConstants.MOBILE_NUMBER),
    ACTION_PACKAGE_ID("actionPackageId", KaizalaConstants.ACTION_PACKAGE_ID),
    TITLE("title", KaizalaConstants.TITLE),
    FILE_NAME("fileName", KaizalaConstants.FILE_NAME),
    MEDIA_TYPE("mediaType", KaizalaConstants.MEDIA_TYPE),
    CAPTION("caption", KaizalaConstants.CAPTION),
    MEDIA_RESOURCE("mediaResource", KaizalaConstants.MEDIA_RESOURCE),
    SUBSCRIBERS("subscribers", KaizalaConstants.SUBSCRIBERS),
    SEND_TO_ALL_SUBSCRIBERS("sendToAllSubscribers", KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS);

    private final String name;
    private final String header;
    private final Parameter fallback;
    private final String hint;

    Parameter(String name, String header) {
        this(name, header, null);
    }

    Parameter(String name, String header, Parameter fallback) {
        this.name = name;
        this.header = header;
        this.fallback = fallback;
        String hint = "set the " + name + " option or the " + header + " header";
        this.hint = fallback == null ? hint : hint + " (default: " + fallback.name + ")";
    }

    public String parameterName() {
        return name;
    }

    public String header() {
        return header;
    }

    Parameter fallback() {
        return fallback;
    }

    /** How to set it, for error messages. */
    String hint() {
        return hint;
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
