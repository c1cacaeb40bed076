package org.apache.camel.component.kaizala;

import java.util.List;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.kaizala.internal.WebhookSubscription;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Microsoft Kaizala: groups, members, messages, media, actions, responses, reactions and webhooks as producers, and
 * Kaizala's webhook events as a consumer ({@code kaizala:events}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = KaizalaConstants.SCHEME, title = "Kaizala",
             syntax = "kaizala:resource/operation", category = { Category.CHAT, Category.SOCIAL },
             headersClass = KaizalaConstants.class)
public class KaizalaEndpoint extends DefaultEndpoint implements WebhookCapableEndpoint {

    static final String EVENTS = "events";

    @UriPath(description = "The Kaizala resource to act on; events for the consumer.",
             enums = "auth,groups,subgroups,members,subscribers,messages,media,actions,responses,reactions,webhooks,events")
    @Metadata(required = true)
    private String resource;
    @UriPath(description = "The operation on the resource; may be left out where the resource has an obvious one"
                           + " (messages: send, media: upload). The CamelKaizalaOperation header overrides it per"
                           + " message.",
             enums = "generatePin,refreshToken,accessToken,create,list,get,add,remove,updateRole,send,upload,survey,job,"
                     + "poll,letsMeet,announcement,custom,summary,groupSummary,details,subscribe,update,delete")
    private String operation;
    @UriParam
    private final KaizalaConfiguration configuration;

    private KaizalaOperation kaizalaOperation;
    private final KaizalaWebhook webhook;

    public KaizalaEndpoint(String uri, KaizalaComponent component, KaizalaConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        this.webhook = new KaizalaWebhook(this, configuration);
    }

    /** {@code resource/operation} from the URI, or {@code events}; fails with the list of valid operations when unknown. */
    void setResourcePath(String remaining) {
        if (EVENTS.equals(remaining == null ? null : remaining.replaceAll("^/+|/+$", ""))) {
            this.resource = EVENTS;
            return;
        }
        this.kaizalaOperation = KaizalaOperation.fromId(remaining);
        this.resource = kaizalaOperation.resource();
        this.operation = kaizalaOperation.operation();
    }

    boolean isEvents() {
        return EVENTS.equals(resource);
    }

    @Override
    public KaizalaComponent getComponent() {
        return (KaizalaComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (isEvents()) {
            throw new IllegalArgumentException("kaizala:events only receives events (use it in from(...)); to send, use"
                                               + " one of: " + KaizalaOperation.validIds());
        }
        return new KaizalaProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!isEvents()) {
            throw new IllegalArgumentException("kaizala:" + kaizalaOperation.id() + " only sends; to receive events use"
                                               + " from(\"kaizala:events?groupId=...\")");
        }
        webhook.validate();
        // the HTTP server component is located now, as camel-webhook does, not when the consumer starts: a runtime
        // that creates components while starting routes (Camel JBang) would find platform-http half-created then
        KaizalaConsumer consumer = new KaizalaConsumer(this, webhook.handler(processor), webhook.restConsumerFactory(),
                webhook.configuration());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void configureConsumer(Consumer consumer) throws Exception {
        super.configureConsumer(consumer);
    }

    // ---- the webhook (for kaizala:events, and for webhook:kaizala:events through camel-webhook): all in KaizalaWebhook

    @Override
    public Processor createWebhookHandler(Processor next) {
        return webhook.handler(next);
    }

    @Override
    public void registerWebhook() throws Exception {
        webhook.register();
    }

    @Override
    public void unregisterWebhook() throws Exception {
        webhook.unregister();
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        webhook.setConfiguration(webhookConfiguration);
    }

    @Override
    public List<String> getWebhookMethods() {
        return KaizalaWebhook.METHODS;
    }

    /** The subscription registered by this endpoint, or null. */
    public WebhookSubscription getSubscription() {
        return webhook.subscription();
    }

    public KaizalaConfiguration getConfiguration() {
        return configuration;
    }

    /** The producer's operation; null for {@code kaizala:events}. */
    public KaizalaOperation getKaizalaOperation() {
        return kaizalaOperation;
    }

    public String getResource() {
        return resource;
    }

    public String getOperation() {
        return operation;
    }
}
