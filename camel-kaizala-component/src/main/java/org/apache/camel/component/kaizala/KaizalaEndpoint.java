package org.apache.camel.component.kaizala;

import java.util.List;
import java.util.Map;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaSubscription;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Send to Microsoft Kaizala groups, members, messages, media, actions, responses, reactions and webhooks, and receive
 * Kaizala's webhook events with kaizala:events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = KaizalaConstants.SCHEME, title = "Kaizala", syntax = "kaizala:operation", category = {
        Category.CHAT, Category.SOCIAL}, headersClass = KaizalaConstants.class)
public class KaizalaEndpoint extends DefaultEndpoint implements WebhookCapableEndpoint, AsyncEndpoint {

    static final String EVENTS = "events";

    /**
     * Every value of the operation path, for the catalog: each operation of {@link KaizalaOperation} as
     * resource/operation, the short forms of the resources with an obvious operation, and events. The table is the
     * source; {@code CatalogTest} keeps this list equal to it.
     */
    static final String OPERATIONS = "auth/generatePin,auth/refreshToken,auth/accessToken,groups/create,groups/list,"
            + "groups/get,subgroups/list,subgroups/create,subgroups/add,subgroups/remove,"
            + "members/list,members/add,members/remove,members/updateRole,subscribers/list,"
            + "subscribers/add,subscribers/remove,messages/send,messages,media/upload,media,"
            + "media/send,actions/list,actions/get,actions/survey,actions/job,actions/poll,"
            + "actions/letsMeet,actions/announcement,actions/custom,responses/survey,responses/job,"
            + "responses/custom,reactions/add,reactions/summary,reactions/groupSummary,"
            + "reactions/details,webhooks/subscribe,webhooks/list,webhooks/update,webhooks/delete,"
            + EVENTS;

    @UriPath(description = "What to do, as resource/operation (for example messages/send); messages and media alone"
            + " mean messages/send and media/upload; events receives Kaizala's webhook events (consumer)."
            + " The CamelKaizalaOperation header overrides it per message.", enums = OPERATIONS)
    @Metadata(required = true)
    private String operation;
    private String resource;
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
            this.operation = EVENTS;
            return;
        }
        this.kaizalaOperation = KaizalaOperation.fromId(remaining);
        this.resource = kaizalaOperation.resource();
        this.operation = kaizalaOperation.id();
    }

    /**
     * A consumer option in a producer URI would do nothing: it is refused, named, before the route starts. (The
     * consumer options are read from KaizalaConfiguration's own annotations: the label says which they are.)
     */
    void refuseConsumerOptions(Map<String, Object> parameters) {
        if (isEvents()) {
            return;
        }
        List<String> misplaced = parameters.keySet().stream().filter(ConsumerOptions.NAMES::contains).sorted().toList();
        if (!misplaced.isEmpty()) {
            throw new IllegalArgumentException(
                    "kaizala:" + kaizalaOperation.id() + " sends, so " + String.join(", ", misplaced)
                            + (misplaced.size() == 1 ? " has" : " have") + " no effect here: "
                            + (misplaced.size() == 1 ? "it is an option" : "they are options")
                            + " of the consumer, from(\"kaizala:events?...\"). Remove "
                            + (misplaced.size() == 1 ? "it" : "them") + " from this URI.");
        }
    }

    /** The names of the consumer-only options, from their {@code @UriParam} labels. */
    private static final class ConsumerOptions {

        static final java.util.Set<String> NAMES = java.util.Arrays
                .stream(KaizalaConfiguration.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(UriParam.class))
                .filter(field -> List.of(field.getAnnotation(UriParam.class).label().split(",")).contains("consumer"))
                .map(java.lang.reflect.Field::getName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
    public KaizalaSubscription getSubscription() {
        return webhook.subscription();
    }

    public KaizalaConfiguration getConfiguration() {
        return configuration;
    }

    /** The producer's operation; null for {@code kaizala:events}. */
    public KaizalaOperation getKaizalaOperation() {
        return kaizalaOperation;
    }

    /** The resource of the URI, e.g. messages; events for the consumer. */
    public String getResource() {
        return resource;
    }

    /** The operation of the URI as resource/operation, e.g. messages/send; events for the consumer. */
    public String getOperation() {
        return operation;
    }
}
