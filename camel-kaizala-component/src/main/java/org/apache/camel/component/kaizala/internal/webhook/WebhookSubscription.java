package org.apache.camel.component.kaizala.internal.webhook;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaSubscription;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.internal.operation.OperationInput;
import org.apache.camel.component.kaizala.internal.operation.OperationOptions;
import org.apache.camel.component.kaizala.internal.operation.Operations;
import org.apache.camel.component.kaizala.internal.operation.Validate;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.model.Webhook;
import org.apache.camel.component.kaizala.model.WebhookCreatedResponse;
import org.apache.camel.component.kaizala.model.WebhookRequest;
import org.apache.camel.component.kaizala.model.WebhooksResponse;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's webhook subscription: reuses one that already points at the same callback URL (updating its token,
 * events and context, and re-activating it if Kaizala disabled it), creates one otherwise, and deletes on stop the
 * one it created. Goes through the same operations as {@code kaizala:webhooks/*}.
 */
public final class WebhookSubscription implements KaizalaSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscription.class);

    private final CamelContext context;
    private final KaizalaClient client;
    private final Operations operations;
    private final OperationOptions options;
    private final Settings settings;
    private final String objectId;
    private final String objectType;
    private final List<String> eventTypes;
    private final String callbackToken;
    private volatile String webhookId;
    private volatile boolean created;

    /**
     * @param callbackContext  the {@code callBackContext} Kaizala echoes in every event (null for none)
     * @param allowInsecureUrl whether an {@code http:} callback URL is accepted (tests on loopback)
     * @param timeoutMillis    how long one call may take
     */
    public record Settings(String callbackContext, boolean allowInsecureUrl, long timeoutMillis) {}

    public WebhookSubscription(CamelContext context, KaizalaClient client, Operations operations,
            OperationOptions options, Settings settings, String objectId, String objectType, List<String> eventTypes,
            String callbackToken) {
        this.context = context;
        this.client = client;
        this.operations = operations;
        this.options = options;
        this.settings = settings;
        this.objectId = objectId;
        this.objectType = objectType;
        this.eventTypes = eventTypes;
        this.callbackToken = callbackToken;
    }

    @Override
    public String webhookId() {
        return webhookId;
    }

    @Override
    public boolean created() {
        return created;
    }

    public void register(String callbackUrl) throws Exception {
        checkCallbackUrl(callbackUrl);
        WebhookRequest wanted = new WebhookRequest().objectId(objectId).objectType(objectType)
                .eventTypes(eventTypes).callBackUrl(callbackUrl).callBackToken(callbackToken)
                .callBackContext(settings.callbackContext());
        WebhooksResponse existing = (WebhooksResponse) run("webhooks/list", null, Map.of());
        Webhook match = existing.webhooks() == null ? null : existing.webhooks().stream()
                .filter(w -> callbackUrl.equalsIgnoreCase(w.callbackUrl())).findFirst().orElse(null);
        if (match != null) {
            run("webhooks/update", wanted.active(true), Map.of(KaizalaConstants.WEBHOOK_ID, match.id()));
            webhookId = match.id();
            created = false;
            LOG.info("Reusing Kaizala webhook {} for {} {} ({}), now active", webhookId, objectType, objectId,
                    Boolean.FALSE.equals(match.active()) ? "it was disabled" : "it was active");
        } else {
            WebhookCreatedResponse answer = (WebhookCreatedResponse) run("webhooks/subscribe", wanted,
                    Map.of());
            webhookId = answer.webhookId();
            created = true;
            LOG.info("Created Kaizala webhook {} for {} {} -> {}", webhookId, objectType, objectId, callbackUrl);
        }
    }

    /** Deletes the subscription if this consumer created it. */
    public void unregister() throws Exception {
        if (created && webhookId != null) {
            run("webhooks/delete", null, Map.of(KaizalaConstants.WEBHOOK_ID, webhookId));
            LOG.info("Deleted Kaizala webhook {} for {} {}", webhookId, objectType, objectId);
            created = false;
        }
    }

    /** Refuses a callback URL Kaizala cannot call, before anything is sent. */
    public void checkCallbackUrl(String callbackUrl) {
        Validate.httpUrl("webhookExternalUrl", callbackUrl);
        if (!callbackUrl.regionMatches(true, 0, "https:", 0, 6) && !settings.allowInsecureUrl()) {
            throw new KaizalaValidationException("webhookExternalUrl", "Kaizala calls HTTPS callbacks only; got '"
                    + callbackUrl + "' (set allowInsecureWebhookUrl=true"
                    + " for a test on loopback)");
        }
    }

    private Object run(String operation, Object body, Map<String, Object> headers) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(KaizalaConstants.OBJECT_ID, objectId);
        exchange.getMessage().setHeader(KaizalaConstants.OBJECT_TYPE, objectType);
        headers.forEach(exchange.getMessage()::setHeader);
        try {
            return operations.prepare(operation, new OperationInput(exchange, options)).execute(client)
                    .get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception exception ? exception : e;
        }
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + objectType + " " + objectId + ", webhookId="
                + Objects.toString(webhookId, "none") + "]";
    }
}
