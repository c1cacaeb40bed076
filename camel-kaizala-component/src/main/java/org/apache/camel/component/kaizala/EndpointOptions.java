package org.apache.camel.component.kaizala;

import org.apache.camel.component.kaizala.internal.operation.OperationOptions;
import org.apache.camel.component.kaizala.internal.operation.Parameter;

/** An endpoint's configuration as the operation mechanics read it: the one place naming which option backs each parameter. */
record EndpointOptions(KaizalaConfiguration configuration) implements OperationOptions {

    @Override
    public Object option(Parameter parameter) {
        return switch (parameter) {
            case GROUP_ID -> configuration.getGroupId();
            case SUB_GROUP_ID -> configuration.getSubGroupId();
            case MEMBER_ID -> configuration.getMemberId();
            case ACTION_ID -> configuration.getActionId();
            case REFERENCE_ID -> configuration.getReferenceId();
            case WEBHOOK_ID -> configuration.getWebhookId();
            case RESPONSE_ID -> configuration.getResponseId();
            case SOURCE_GROUP_ID -> configuration.getSourceGroupId();
            case SHOW_DETAIL -> configuration.getShowDetail();
            case FETCH_ALL_GROUPS -> configuration.getFetchAllGroups();
            case ACTION_TYPE -> configuration.getActionType();
            case FROM_DATE -> configuration.getFromDate();
            case COUNT -> configuration.getCount();
            case CURSOR -> configuration.getCursor();
            case ALL_PAGES -> configuration.isAllPages();
            case GET_DETAILS -> configuration.isGetDetails();
            case REACTION_TYPE -> configuration.getReactionType();
            case ROLE -> configuration.getRole();
            case OBJECT_ID -> configuration.getObjectId();
            case OBJECT_TYPE -> configuration.getObjectType();
            case MOBILE_NUMBER -> configuration.getMobileNumber();
            case ACTION_PACKAGE_ID -> configuration.getActionPackageId();
            case TITLE -> configuration.getTitle();
            case FILE_NAME -> configuration.getFileName();
            case MEDIA_TYPE -> configuration.getMediaType();
            case CAPTION -> configuration.getCaption();
            case MEDIA_RESOURCE -> null; // header only
            case SUBSCRIBERS -> configuration.getSubscribers();
            case SEND_TO_ALL_SUBSCRIBERS -> configuration.getSendToAllSubscribers();
        };
    }

    @Override
    public String applicationId() {
        return configuration.getApplicationId();
    }

    @Override
    public String mediaFieldName() {
        return configuration.getMediaFieldName();
    }

    @Override
    public int maxMessageLength() {
        return configuration.getMaxMessageLength();
    }
}
