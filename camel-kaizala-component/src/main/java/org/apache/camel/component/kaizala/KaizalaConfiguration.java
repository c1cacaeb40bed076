package org.apache.camel.component.kaizala;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options shared by every Kaizala endpoint. Set them once on the component ({@code camel.component.kaizala.*}) and
 * override them per endpoint in the URI.
 */
@UriParams
public class KaizalaConfiguration implements Cloneable {

    public static final String DEFAULT_AUTH_URL = "https://api.kaiza.la/v1";
    /** Kaizala's own domains, as its documentation names them (api/kms-*.kaiza.la, *.KaizalaMessaging.osi.office.net). */
    public static final String DEFAULT_REDIRECT_ALLOWED_HOSTS = "kaiza.la,*.kaiza.la,*.kaizalamessaging.osi.office.net";

    @UriParam(label = "security", description = "The connector id (Kaizala calls it applicationId), from the Kaizala management portal.")
    private String applicationId;
    @UriParam(label = "security", secret = true, description = "The connector secret (Kaizala calls it applicationSecret).")
    private String applicationSecret;
    @UriParam(label = "security", secret = true, description = "The refresh token exchanged for access tokens. When Kaizala rotates it, the new one is"
            + " kept in the token store and used from then on.")
    private String refreshToken;
    @UriParam(label = "security", secret = true, description = "A fixed access token. When set, the token service is never called: endpointUrl is then"
            + " required and an expired token fails the exchange with a 401.")
    private String accessToken;
    @UriParam(label = "common", defaultValue = DEFAULT_AUTH_URL, description = "Base URL of Kaizala's token service, including /v1.")
    private String authUrl = DEFAULT_AUTH_URL;
    @UriParam(label = "common", description = "Base URL of the resource API, without /v1. By default the one returned with each access"
            + " token; a value set here wins over it. An HTTP 308 from Kaizala replaces it.")
    private String endpointUrl;
    @Metadata(autowired = true)
    @UriParam(label = "advanced", description = "Where a rotated refresh token is kept. Default: in memory; the component also ships a"
            + " file-backed store (FileKaizalaTokenStore) so that a restart does not lose a rotated token.")
    private KaizalaTokenStore tokenStore;
    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration", description = "How long to wait for a TCP connection to Kaizala.")
    private long connectTimeout = 15000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration", description = "How long to wait for Kaizala's answer once the request is sent (Kaizala suggests one"
            + " minute).")
    private long responseTimeout = 60000;

    @UriParam(label = "advanced", defaultValue = "3", description = "How often a call is retried when that cannot double its effect: 429, 503 with Retry-After, a"
            + " failure before the request was sent, and for GET a 5xx answer or a lost answer. 0 turns retries"
            + " off.")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration", description = "The longest Retry-After the component waits for by itself; a longer one fails the exchange at"
            + " once with a KaizalaApiException carrying it (getRetryAfter()), for the route's redelivery to"
            + " use.")
    private long maxRetryAfter = 60000;
    @UriParam(label = "advanced", defaultValue = "500", javaType = "java.time.Duration", description = "The first back-off between retries, doubled each retry (with jitter) up to retryMaxDelay.")
    private long retryInitialDelay = 500;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration", description = "The longest back-off between retries.")
    private long retryMaxDelay = 30000;
    @UriParam(label = "advanced", defaultValue = "100", description = "Calls per minute per connector, paced on the client side and shared by every endpoint of the"
            + " connector, so that a burst waits instead of being answered 429. Kaizala allows 100 per"
            + " connector (and 300 per tenant). 0 turns pacing off.")
    private int rateLimit = 100;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration", description = "The sliding window rateLimit counts calls in (Kaizala counts per minute).")
    private long rateLimitPeriod = 60000;
    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration", description = "The longest a call may wait for a slot under rateLimit; a call that would wait longer fails"
            + " at once with a KaizalaException saying so, instead of queueing without bound.")
    private long rateLimitMaxWait = 120000;
    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration", description = "The total deadline of one HTTP call to Kaizala, from sending the request to the last byte of"
            + " the answer (responseTimeout only bounds the silence between two packets). A call past it"
            + " fails (within 50 ms of the deadline, never before); a GET is retried, a POST is not. 0 turns the"
            + " deadline off.")
    private long requestTimeout = 120000;
    @UriParam(label = "advanced", defaultValue = "10485760", description = "The largest answer, in bytes, read from Kaizala; a larger one fails the exchange with a"
            + " KaizalaException instead of being buffered. 0 turns the limit off.")
    private long maxResponseSize = 10485760;
    @UriParam(label = "producer,advanced", defaultValue = "false", description = "Continue the exchange on HttpClient's I/O thread once Kaizala answered, instead of handing"
            + " it to the component's completion threads: one thread hand-off less per message. Safe only"
            + " when everything the exchange does after this producer, until it ends or next waits"
            + " asynchronously, is quick and never blocks (no blocking I/O, Thread.sleep, synchronous"
            + " ProducerTemplate calls, locks held by slow code): meanwhile the I/O thread serves no other"
            + " call to Kaizala. A continuation that holds the I/O thread longer than 100 ms is logged"
            + " (WARN) and the endpoint falls back to the completion threads. Failed calls always"
            + " continue on the completion threads.")
    private boolean continueOnIoThread;
    @UriParam(label = "security", defaultValue = DEFAULT_REDIRECT_ALLOWED_HOSTS, description = "The hosts an HTTP 308 from Kaizala may move a connector to, besides its current host:"
            + " comma-separated host names; a name whose first label is the wildcard, as in the default value, allows every subdomain of the rest. A 308 elsewhere, to a relative URL or"
            + " from https to http is refused (a KaizalaApiException naming the location), so that it"
            + " cannot send the access token anywhere.")
    private String redirectAllowedHosts = DEFAULT_REDIRECT_ALLOWED_HOSTS;
    @UriParam(label = "common", description = "The id of the group the operation applies to, or whose events the consumer receives. The CamelKaizalaGroupId header wins over"
            + " it.")
    private String groupId;
    @UriParam(label = "producer", description = "Public groups only: comma-separated phone numbers of the subscribers who should receive"
            + " the message. The CamelKaizalaSubscribers header wins over it.")
    private String subscribers;
    @UriParam(label = "producer", description = "Public groups only: send the message to every subscriber. The"
            + " CamelKaizalaSendToAllSubscribers header wins over it.")
    private Boolean sendToAllSubscribers;
    @UriParam(label = "producer", description = "subgroups/remove: the id of the sub-group to detach. The CamelKaizalaSubGroupId header wins"
            + " over it.")
    private String subGroupId;
    @UriParam(label = "producer", description = "members/remove, members/updateRole: the member id (from members/list). The CamelKaizalaMemberId"
            + " header wins over it.")
    private String memberId;
    @UriParam(label = "producer", description = "actions/get and responses/survey, job or custom: the id of the action instance. The CamelKaizalaActionId header"
            + " wins over it.")
    private String actionId;
    @UriParam(label = "producer", description = "reactions: the referenceId of the action card reacted to. The CamelKaizalaReferenceId header"
            + " wins over it.")
    private String referenceId;
    @UriParam(label = "producer", description = "webhooks/update, webhooks/delete: the webhook id. The CamelKaizalaWebhookId header wins over"
            + " it.")
    private String webhookId;
    @UriParam(label = "producer", description = "responses/survey, job or custom: an earlier response to update instead of adding one. The"
            + " CamelKaizalaUpdateResponseId header wins over it.")
    private String responseId;
    @UriParam(label = "producer", description = "reactions: the group where the action was originally sent; defaults to groupId. The"
            + " CamelKaizalaSourceGroupId header wins over it.")
    private String sourceGroupId;
    @UriParam(label = "producer", description = "groups/list: return every group detail.")
    private Boolean showDetail;
    @UriParam(label = "producer", description = "groups/list: also return parent and sub-groups; subgroups/list: every sub-group down the"
            + " hierarchy.")
    private Boolean fetchAllGroups;
    @UriParam(label = "producer", enums = KaizalaConstants.ACTION_TYPE_VALUES, description = "actions/list: the type of action to list (required there); media/send: the attachment type (by"
            + " default derived from the file type). The CamelKaizalaActionType header wins over it.")
    private String actionType;
    @UriParam(label = "producer", description = "actions/list: only actions after this instant, passed through as given.")
    private String fromDate;
    @UriParam(label = "producer", description = "The page size: actions/list (Kaizala default 30), subscribers/list (at most 50, the default).")
    private Integer count;
    @UriParam(label = "producer", description = "subscribers/list and the reaction listings: the cursor of the page to fetch (from the"
            + " CamelKaizalaNextCursor header of the previous page). The CamelKaizalaCursor header wins over"
            + " it.")
    private String cursor;
    @UriParam(label = "producer", defaultValue = "false", description = "subscribers/list, actions/list, reactions/groupSummary, reactions/details: fetch every page and"
            + " return them as one answer.")
    private boolean allPages = false;
    @UriParam(label = "producer", defaultValue = "false", description = "actions/get: include the responses of every participant.")
    private boolean getDetails = false;
    @UriParam(label = "producer", enums = KaizalaConstants.REACTION_TYPE_VALUES, description = "reactions/add and reactions/details: Like or Comment. The CamelKaizalaReactionType header wins"
            + " over it.")
    private String reactionType;
    @UriParam(label = "producer", enums = KaizalaConstants.ROLE_VALUES, description = "members/updateRole: the new role. The CamelKaizalaRole header wins over it.")
    private String role;
    @UriParam(label = "common", description = "The object of a webhook subscription (a group id, action id or action package id), for the"
            + " consumer and webhooks/subscribe, webhooks/list; defaults to groupId. The"
            + " CamelKaizalaObjectId header wins over it.")
    private String objectId;
    @UriParam(label = "common", defaultValue = "Group", enums = KaizalaConstants.OBJECT_TYPE_VALUES, description = "What objectId names, for the consumer and webhooks/subscribe, webhooks/list. The"
            + " CamelKaizalaObjectType header wins over it.")
    private String objectType = "Group";
    @UriParam(label = "producer", description = "auth/generatePin, auth/refreshToken: the phone number: a plus sign, the country code and the number (in a URI wrap it in RAW(...), where a plus sign would be read as a space). The"
            + " CamelKaizalaMobileNumber header wins over it.")
    private String mobileNumber;
    @UriParam(label = "producer", description = "actions/custom, responses/custom: the id of the custom action package. The"
            + " CamelKaizalaActionPackageId header wins over it.")
    private String actionPackageId;
    @UriParam(label = "producer", description = "The title used with a short-form body: the job title for a list of assignees, the poll question"
            + " for a list of choices, the announcement title for a text. The CamelKaizalaTitle header wins"
            + " over it.")
    private String title;
    @UriParam(label = "producer", description = "media: the file name sent with the upload; by default the name of the File or Path, or the"
            + " CamelFileName header. The CamelKaizalaFileName header wins over it.")
    private String fileName;
    @UriParam(label = "producer", description = "media: the MIME type of the uploaded file (Kaizala answers 415 without a supported one); by"
            + " default derived from the file name. The CamelKaizalaMediaType header wins over it.")
    private String mediaType;
    @UriParam(label = "producer", defaultValue = "FileName", description = "media/upload: the name of the multipart form field (FileName per the swagger; some sources say"
            + " files).")
    private String mediaFieldName = "FileName";
    @UriParam(label = "producer", description = "media/send: the text shown with the file. The CamelKaizalaCaption header wins over it.")
    private String caption;
    @UriParam(label = "consumer", description = "The events to subscribe to, comma-separated; by default the 13 documented ones (ActionCreated,"
            + " ActionResponse, SurveyCreated, SurveyResponse, JobCreated, JobResponse, TextMessageCreated,"
            + " AttachmentCreated, Announcement, MemberAdded, MemberRemoved, GroupAdded, GroupRemoved); also"
            + " accepted: PollCreated, PollResponse, LetsMeetCreated, LetsMeetResponse.")
    private String eventTypes;
    @UriParam(label = "consumer", description = "The public HTTPS base URL at which Kaizala reaches this application's HTTP server (e.g."
            + " https://hooks.example.com, a reverse proxy or tunnel); webhookPath is appended to make the"
            + " callback URL that is subscribed. Required unless Kaizala itself runs on loopback (a simulator"
            + " in a test), where the serving HTTP server's own port on 127.0.0.1 is used; without it a"
            + " consumer talking to a remote Kaizala fails at start.")
    private String webhookExternalUrl;
    @UriParam(label = "consumer", description = "The path the callback is served on, below the HTTP server's context path. Default:"
            + " /kaizala/events/{objectId}.")
    private String webhookPath;
    @UriParam(label = "consumer", defaultValue = "platform-http", description = "The Camel HTTP server component the callback is served by (any component implementing"
            + " RestConsumerFactory: platform-http, netty-http, undertow, jetty, servlet).")
    private String webhookComponentName = "platform-http";
    @UriParam(label = "consumer,security", secret = true, description = "The secret Kaizala sends back in the kz-callback-token header of every delivery; a delivery"
            + " without it is refused (401). By default a random 256-bit value per start, which suits a single"
            + " instance; set it when several instances share one subscription.")
    private String callbackToken;
    @UriParam(label = "consumer", description = "A value Kaizala sends back as context in every event.")
    private String callbackContext;
    @UriParam(label = "consumer", defaultValue = "true", description = "Subscribe on start (reusing an existing subscription for the same object and URL).")
    private boolean webhookAutoRegister = true;
    @UriParam(label = "consumer", defaultValue = "true", description = "Delete, on stop, the subscription this consumer created. Set to false when several instances"
            + " share one subscription.")
    private boolean webhookAutoUnregister = true;
    @UriParam(label = "consumer,security", defaultValue = "false", description = "Allow a callback URL that is not HTTPS. Kaizala requires HTTPS; plain HTTP is for tests on"
            + " loopback.")
    private boolean allowInsecureWebhookUrl = false;
    @UriParam(label = "consumer", description = "Where delivered event ids are remembered, so that Kaizala's at-least-once redeliveries reach"
            + " the route once. Default: an in-memory repository of the last 10000 ids; use a shared one (e.g."
            + " JDBC) when several instances receive events.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "1048576", description = "The largest delivery accepted, in bytes; a larger one is answered 413.")
    private int maxBodySize = 1048576;
    @UriParam(label = "producer", defaultValue = "4000", description = "The longest text accepted for a message. Kaizala's articles say 4000 characters, its"
            + " swagger 1000; longer text is refused before anything is sent.")
    @Metadata(defaultValue = "4000")
    private int maxMessageLength = 4000;

    public String getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(String applicationId) {
        this.applicationId = applicationId;
    }

    public String getApplicationSecret() {
        return applicationSecret;
    }

    public void setApplicationSecret(String applicationSecret) {
        this.applicationSecret = applicationSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getAuthUrl() {
        return authUrl;
    }

    public void setAuthUrl(String authUrl) {
        this.authUrl = authUrl;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = endpointUrl;
    }

    public KaizalaTokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(KaizalaTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(String subscribers) {
        this.subscribers = subscribers;
    }

    public Boolean getSendToAllSubscribers() {
        return sendToAllSubscribers;
    }

    public void setSendToAllSubscribers(Boolean sendToAllSubscribers) {
        this.sendToAllSubscribers = sendToAllSubscribers;
    }

    public int getMaxMessageLength() {
        return maxMessageLength;
    }

    public void setMaxMessageLength(int maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
    }

    public String getSubGroupId() {
        return subGroupId;
    }

    public void setSubGroupId(String subGroupId) {
        this.subGroupId = subGroupId;
    }

    public String getMemberId() {
        return memberId;
    }

    public void setMemberId(String memberId) {
        this.memberId = memberId;
    }

    public String getActionId() {
        return actionId;
    }

    public void setActionId(String actionId) {
        this.actionId = actionId;
    }

    public String getReferenceId() {
        return referenceId;
    }

    public void setReferenceId(String referenceId) {
        this.referenceId = referenceId;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public void setWebhookId(String webhookId) {
        this.webhookId = webhookId;
    }

    public String getResponseId() {
        return responseId;
    }

    public void setResponseId(String responseId) {
        this.responseId = responseId;
    }

    public String getSourceGroupId() {
        return sourceGroupId;
    }

    public void setSourceGroupId(String sourceGroupId) {
        this.sourceGroupId = sourceGroupId;
    }

    public Boolean getShowDetail() {
        return showDetail;
    }

    public void setShowDetail(Boolean showDetail) {
        this.showDetail = showDetail;
    }

    public Boolean getFetchAllGroups() {
        return fetchAllGroups;
    }

    public void setFetchAllGroups(Boolean fetchAllGroups) {
        this.fetchAllGroups = fetchAllGroups;
    }

    public String getActionType() {
        return actionType;
    }

    public void setActionType(String actionType) {
        this.actionType = actionType;
    }

    public String getFromDate() {
        return fromDate;
    }

    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public boolean isGetDetails() {
        return getDetails;
    }

    public void setGetDetails(boolean getDetails) {
        this.getDetails = getDetails;
    }

    public String getReactionType() {
        return reactionType;
    }

    public void setReactionType(String reactionType) {
        this.reactionType = reactionType;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getMobileNumber() {
        return mobileNumber;
    }

    public void setMobileNumber(String mobileNumber) {
        this.mobileNumber = mobileNumber;
    }

    public String getActionPackageId() {
        return actionPackageId;
    }

    public void setActionPackageId(String actionPackageId) {
        this.actionPackageId = actionPackageId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getMediaFieldName() {
        return mediaFieldName;
    }

    public void setMediaFieldName(String mediaFieldName) {
        this.mediaFieldName = mediaFieldName;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public String getWebhookExternalUrl() {
        return webhookExternalUrl;
    }

    public void setWebhookExternalUrl(String webhookExternalUrl) {
        this.webhookExternalUrl = webhookExternalUrl;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public String getCallbackToken() {
        return callbackToken;
    }

    public void setCallbackToken(String callbackToken) {
        this.callbackToken = callbackToken;
    }

    public String getCallbackContext() {
        return callbackContext;
    }

    public void setCallbackContext(String callbackContext) {
        this.callbackContext = callbackContext;
    }

    public boolean isWebhookAutoRegister() {
        return webhookAutoRegister;
    }

    public void setWebhookAutoRegister(boolean webhookAutoRegister) {
        this.webhookAutoRegister = webhookAutoRegister;
    }

    public boolean isWebhookAutoUnregister() {
        return webhookAutoUnregister;
    }

    public void setWebhookAutoUnregister(boolean webhookAutoUnregister) {
        this.webhookAutoUnregister = webhookAutoUnregister;
    }

    public boolean isAllowInsecureWebhookUrl() {
        return allowInsecureWebhookUrl;
    }

    public void setAllowInsecureWebhookUrl(boolean allowInsecureWebhookUrl) {
        this.allowInsecureWebhookUrl = allowInsecureWebhookUrl;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public long getRateLimitMaxWait() {
        return rateLimitMaxWait;
    }

    public void setRateLimitMaxWait(long rateLimitMaxWait) {
        this.rateLimitMaxWait = rateLimitMaxWait;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public String getRedirectAllowedHosts() {
        return redirectAllowedHosts;
    }

    public void setRedirectAllowedHosts(String redirectAllowedHosts) {
        this.redirectAllowedHosts = redirectAllowedHosts;
    }

    public boolean isContinueOnIoThread() {
        return continueOnIoThread;
    }

    public void setContinueOnIoThread(boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
    }

    public KaizalaConfiguration copy() {
        try {
            return (KaizalaConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Never prints a secret: only says which credentials are set. */
    @Override
    public String toString() {
        return "KaizalaConfiguration[authUrl=" + authUrl + ", endpointUrl=" + endpointUrl
                + ", applicationId=" + applicationId
                + ", applicationSecret=" + (applicationSecret != null ? "set" : "unset")
                + ", refreshToken=" + (refreshToken != null ? "set" : "unset")
                + ", accessToken=" + (accessToken != null ? "set" : "unset")
                + ", callbackToken=" + (callbackToken != null ? "set" : "unset")
                + ", groupId=" + groupId + "]";
    }
}
