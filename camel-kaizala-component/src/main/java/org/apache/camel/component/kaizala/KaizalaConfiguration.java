package org.apache.camel.component.kaizala;

import org.apache.camel.RuntimeCamelException;
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

    @UriParam(label = "security",
              description = "The connector id (Kaizala calls it applicationId), from the Kaizala management portal.")
    private String applicationId;
    @UriParam(label = "security", secret = true,
              description = "The connector secret (Kaizala calls it applicationSecret).")
    private String applicationSecret;
    @UriParam(label = "security", secret = true,
              description = "The refresh token exchanged for access tokens. When Kaizala rotates it, the new one is"
                            + " kept in the token store and used from then on.")
    private String refreshToken;
    @UriParam(label = "security", secret = true,
              description = "A fixed access token. When set, the token service is never called: endpointUrl is then"
                            + " required and an expired token fails the exchange with a 401.")
    private String accessToken;
    @UriParam(label = "common", defaultValue = DEFAULT_AUTH_URL,
              description = "Base URL of Kaizala's token service, including /v1.")
    private String authUrl = DEFAULT_AUTH_URL;
    @UriParam(label = "common",
              description = "Base URL of the resource API, without /v1. By default the one returned with each access"
                            + " token; a value set here wins over it. An HTTP 308 from Kaizala replaces it.")
    private String endpointUrl;
    @UriParam(label = "advanced",
              description = "Where a rotated refresh token is kept. Default: in memory; the component also ships a"
                            + " file-backed store (FileKaizalaTokenStore) so that a restart does not lose a rotated token.")
    private KaizalaTokenStore tokenStore;
    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration",
              description = "How long to wait for a TCP connection to Kaizala.")
    private long connectTimeout = 15000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for Kaizala's answer once the request is sent (Kaizala suggests one"
                            + " minute).")
    private long responseTimeout = 60000;

    @UriParam(label = "producer",
              description = "The id of the group the operation applies to. The CamelKaizalaGroupId header wins over"
                            + " it.")
    private String groupId;
    @UriParam(label = "producer",
              description = "Public groups only: comma-separated phone numbers of the subscribers who should receive"
                            + " the message. The CamelKaizalaSubscribers header wins over it.")
    private String subscribers;
    @UriParam(label = "producer",
              description = "Public groups only: send the message to every subscriber. The"
                            + " CamelKaizalaSendToAllSubscribers header wins over it.")
    private Boolean sendToAllSubscribers;
    @UriParam(label = "producer", defaultValue = "4000",
              description = "The longest text accepted for a message. Kaizala's articles say 4000 characters, its"
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
               + ", groupId=" + groupId + "]";
    }
}
