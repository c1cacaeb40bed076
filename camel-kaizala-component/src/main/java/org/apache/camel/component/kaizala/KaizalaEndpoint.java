package org.apache.camel.component.kaizala;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.kaizala.internal.KaizalaClient;
import org.apache.camel.component.kaizala.internal.RequestBodies;
import org.apache.camel.component.kaizala.internal.Validate;
import org.apache.camel.component.kaizala.internal.WebhookHandler;
import org.apache.camel.component.kaizala.internal.WebhookSubscription;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send to Microsoft Kaizala groups, members, messages, media, actions, responses, reactions and webhooks, and receive
 * Kaizala's webhook events with kaizala:events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = KaizalaConstants.SCHEME, title = "Kaizala",
             syntax = "kaizala:operation", category = { Category.CHAT, Category.SOCIAL },
             headersClass = KaizalaConstants.class)
public class KaizalaEndpoint extends DefaultEndpoint implements WebhookCapableEndpoint, AsyncEndpoint {

    static final String EVENTS = "events";
    private static final int SEEN_EVENTS = 10_000;
    private static final int MAX_REGISTRATION_ATTEMPTS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(KaizalaEndpoint.class);

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
                           + " The CamelKaizalaOperation header overrides it per message.",
             enums = OPERATIONS)
    @Metadata(required = true)
    private String operation;
    private String resource;
    @UriParam
    private final KaizalaConfiguration configuration;

    private KaizalaOperation kaizalaOperation;
    private WebhookConfiguration webhookConfiguration;
    private String callbackToken;
    private IdempotentRepository seenEvents;
    private volatile WebhookSubscription subscription;
    private volatile boolean servedByCamelWebhook;
    private volatile ScheduledFuture<?> pendingRegistration;

    public KaizalaEndpoint(String uri, KaizalaComponent component, KaizalaConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
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
            throw new IllegalArgumentException("kaizala:" + kaizalaOperation.id() + " sends, so " + String.join(", ", misplaced)
                                               + (misplaced.size() == 1 ? " has" : " have") + " no effect here: "
                                               + (misplaced.size() == 1 ? "it is an option" : "they are options")
                                               + " of the consumer, from(\"kaizala:events?...\"). Remove "
                                               + (misplaced.size() == 1 ? "it" : "them") + " from this URI.");
        }
    }

    /** The names of the consumer-only options, from their {@code @UriParam} labels. */
    private static final class ConsumerOptions {
        static final java.util.Set<String> NAMES = java.util.Arrays.stream(KaizalaConfiguration.class.getDeclaredFields())
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
        objectId();
        KaizalaConsumer consumer = new KaizalaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void configureConsumer(Consumer consumer) throws Exception {
        super.configureConsumer(consumer);
    }

    // ---- the webhook (for kaizala:events, and for webhook:kaizala:events through camel-webhook)

    @Override
    public Processor createWebhookHandler(Processor next) {
        IdempotentRepository seen = seenEvents();
        try {
            // like Camel's idempotentConsumer EIP: the repository becomes a service of the CamelContext (stopped with
            // it, not with this route: other routes may share it) and is started before the first delivery — a JDBC
            // repository creates its table, an orphan-lock-aware one schedules its keep-alive, when started
            if (!getCamelContext().hasService(seen)) {
                getCamelContext().addService(seen);
            }
            ServiceHelper.startService(seen);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        return new WebhookHandler(AsyncProcessorConverterHelper.convert(next), callbackToken(),
                configuration.getMaxBodySize(), seen, objectType() + " " + objectId());
    }

    @Override
    public void registerWebhook() throws Exception {
        if (servedByCamelWebhook) {
            // camel-webhook subscribes before it serves the callback, and Kaizala validates the callback before it
            // subscribes: keep trying for a while, off the starting thread, until the callback answers
            scheduleRegistration(0);
            return;
        }
        register();
    }

    private void scheduleRegistration(int attempt) {
        pendingRegistration = getComponent().timer().schedule(() -> {
            try {
                register();
            } catch (KaizalaApiException e) {
                if (e.getStatusCode() == 400 && attempt < MAX_REGISTRATION_ATTEMPTS) {
                    scheduleRegistration(attempt + 1);
                } else {
                    LOG.error("Could not subscribe the Kaizala webhook of {}: {}", getEndpointUri(), e.getMessage());
                }
            } catch (Exception e) {
                LOG.error("Could not subscribe the Kaizala webhook of {}: {}", getEndpointUri(), e.getMessage());
            }
        }, attempt == 0 ? 50 : 250, TimeUnit.MILLISECONDS);
    }

    private void register() throws Exception {
        String callbackUrl = webhookConfiguration().computeFullExternalUrl();
        KaizalaClient client = getComponent().client(configuration);
        String missing = client.settings().missingCredentials();
        if (missing != null) {
            throw new IllegalArgumentException(missing);
        }
        WebhookSubscription registration = new WebhookSubscription(getCamelContext(), client, configuration, objectId(),
                objectType(), callbackToken());
        registration.register(callbackUrl);
        subscription = registration;
    }

    @Override
    public void unregisterWebhook() throws Exception {
        ScheduledFuture<?> pending = pendingRegistration;
        if (pending != null) {
            pending.cancel(false);
        }
        WebhookSubscription registration = subscription;
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
        this.servedByCamelWebhook = true;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("GET", "POST");
    }

    /** The subscription registered by this endpoint, or null. */
    public WebhookSubscription getSubscription() {
        return subscription;
    }

    /** camel-webhook's configuration when used through it; otherwise one made from this endpoint's options. */
    synchronized WebhookConfiguration webhookConfiguration() {
        if (webhookConfiguration == null) {
            WebhookConfiguration web = new WebhookConfiguration();
            web.setWebhookComponentName(configuration.getWebhookComponentName());
            web.setWebhookExternalUrl(configuration.getWebhookExternalUrl());
            web.setWebhookPath(configuration.getWebhookPath() != null
                    ? configuration.getWebhookPath() : "/kaizala/events/" + KaizalaClient.encode(objectId()));
            web.setWebhookAutoRegister(configuration.isWebhookAutoRegister());
            web.setEndpointUri(getEndpointUri());
            web.storeConfiguration(CamelContextHelper.getRestConfiguration(getCamelContext(),
                    configuration.getWebhookComponentName()));
            webhookConfiguration = web;
        }
        return webhookConfiguration;
    }

    private String objectId() {
        String objectId = configuration.getObjectId() != null ? configuration.getObjectId() : configuration.getGroupId();
        return Validate.required("objectId", objectId, "kaizala:events needs the groupId option, or objectId and objectType");
    }

    private String objectType() {
        return Validate.oneOf("objectType", configuration.getObjectType() == null ? "Group" : configuration.getObjectType(),
                RequestBodies.OBJECT_TYPES);
    }

    /** The configured callback token, or a random 256-bit one made once for this endpoint. */
    private synchronized String callbackToken() {
        if (callbackToken == null) {
            if (configuration.getCallbackToken() != null) {
                callbackToken = configuration.getCallbackToken();
            } else {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                callbackToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            }
        }
        return callbackToken;
    }

    private synchronized IdempotentRepository seenEvents() {
        if (seenEvents == null) {
            seenEvents = configuration.getIdempotentRepository() != null
                    ? configuration.getIdempotentRepository()
                    : MemoryIdempotentRepository.memoryIdempotentRepository(lastUsed(SEEN_EVENTS));
        }
        return seenEvents;
    }

    /**
     * The {@code size} most recently used keys: a LinkedHashMap in access order. Per event it costs a fraction of
     * Camel's default LRU cache, which runs its eviction bookkeeping on every insert once it is full (as it always is
     * under a steady flow of new event ids).
     */
    static Map<String, Object> lastUsed(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(size * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > size;
            }
        });
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
