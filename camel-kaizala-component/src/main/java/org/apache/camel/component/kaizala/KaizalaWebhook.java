package org.apache.camel.component.kaizala;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaSubscriptionLock;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.internal.operation.OperationInput;
import org.apache.camel.component.kaizala.internal.operation.RequestBodies;
import org.apache.camel.component.kaizala.internal.operation.Validate;
import org.apache.camel.component.kaizala.internal.webhook.WebhookHandler;
import org.apache.camel.component.kaizala.internal.webhook.WebhookSubscription;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.component.webhook.WebhookUtils;
import org.apache.camel.spi.EmbeddedHttpService;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook side of a {@code kaizala:events} endpoint, in one place: what it subscribes to, the callback token, the
 * seen-events repository and its lifecycle, the webhook configuration and callback URL, the handler, and the
 * subscription with its retries. Used by {@link KaizalaConsumer} and by camel-webhook ({@code webhook:kaizala:events}).
 */
final class KaizalaWebhook {

    static final List<String> METHODS = List.of("GET", "POST");
    private static final int SEEN_EVENTS = 10_000;
    private static final long FIRST_RETRY_MILLIS = 250;
    private static final long MAX_RETRY_MILLIS = 30_000;
    /** 250 ms doubling up to 30 s: about ten minutes in all before giving up. */
    static final int MAX_ATTEMPTS = 25;
    private static final Logger LOG = LoggerFactory.getLogger(KaizalaWebhook.class);

    private final KaizalaEndpoint endpoint;
    private final KaizalaConfiguration configuration;
    private WebhookConfiguration webhookConfiguration;
    private boolean servedByCamelWebhook;
    private String callbackToken;
    private IdempotentRepository seenEvents;
    private volatile WebhookSubscription subscription;
    private ScheduledFuture<?> pendingRegistration;
    private boolean registering;

    KaizalaWebhook(KaizalaEndpoint endpoint, KaizalaConfiguration configuration) {
        this.endpoint = endpoint;
        this.configuration = configuration;
    }

    private CamelContext context() {
        return endpoint.getCamelContext();
    }

    /** Checks what the consumer needs before anything is served or sent. */
    void validate() {
        objectId();
        objectType();
        eventTypes();
    }

    String objectId() {
        String objectId = configuration.getObjectId() != null ? configuration.getObjectId()
                : configuration.getGroupId();
        return Validate.required("objectId", objectId,
                "kaizala:events needs the groupId option, or objectId and objectType");
    }

    String objectType() {
        return Validate.oneOf("objectType",
                configuration.getObjectType() == null ? "Group" : configuration.getObjectType(),
                RequestBodies.OBJECT_TYPES);
    }

    /** The configured event types (in the documented spelling), or the 13 documented ones when none is configured. */
    List<String> eventTypes() {
        List<String> configured = OperationInput.toList(configuration.getEventTypes());
        if (configured == null || configured.isEmpty()) {
            return KaizalaEvent.Type.documentedNames();
        }
        return configured.stream().map(name -> {
            KaizalaEvent.Type type = KaizalaEvent.Type.of(name.trim());
            if (type == null) {
                throw new KaizalaValidationException("eventTypes",
                        "unknown event type '" + name.trim() + "'; use any of "
                                + String.join(", ", KaizalaEvent.Type.names()));
            }
            return type.name();
        }).distinct().toList();
    }

    /** Names the subscription in log lines and errors (never a secret). */
    String description() {
        return objectType() + " " + objectId();
    }

    // ---- serving

    /** The callback's handler in front of the route; the seen-events repository is started with it. */
    Processor handler(Processor route) {
        IdempotentRepository seen = seenEvents();
        try {
            // like Camel's idempotentConsumer EIP: the repository becomes a service of the CamelContext (stopped with
            // it, not with this route: other routes may share it) and is started before the first delivery — a JDBC
            // repository creates its table, an orphan-lock-aware one schedules its keep-alive, when started
            if (!context().hasService(seen)) {
                context().addService(seen);
            }
            ServiceHelper.startService(seen);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
        return new WebhookHandler(AsyncProcessorConverterHelper.convert(route), callbackToken(),
                configuration.getMaxBodySize(), seen, description());
    }

    /** The HTTP server component serving the callback, located as camel-webhook does (call when the consumer is made). */
    RestConsumerFactory restConsumerFactory() {
        return WebhookUtils.locateRestConsumerFactory(context(), configuration());
    }

    /** Given by camel-webhook when the endpoint is used through it: camel-webhook serves and subscribes then. */
    synchronized void setConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
        this.servedByCamelWebhook = true;
    }

    /** camel-webhook's configuration when used through it; otherwise one made from the endpoint's options. */
    synchronized WebhookConfiguration configuration() {
        if (webhookConfiguration == null) {
            WebhookConfiguration web = new WebhookConfiguration();
            web.setWebhookComponentName(configuration.getWebhookComponentName());
            web.setWebhookExternalUrl(configuration.getWebhookExternalUrl());
            web.setWebhookPath(configuration.getWebhookPath() != null
                    ? configuration.getWebhookPath() : "/kaizala/events/" + KaizalaClient.encode(objectId()));
            web.setWebhookAutoRegister(configuration.isWebhookAutoRegister());
            web.storeConfiguration(CamelContextHelper.getRestConfiguration(context(),
                    configuration.getWebhookComponentName()));
            webhookConfiguration = web;
        }
        return webhookConfiguration;
    }

    /**
     * The URL Kaizala is asked to call: {@code webhookExternalUrl} + the path; without it, the serving HTTP server's
     * own address, but only where Kaizala can reach it — a Kaizala (simulator) on this machine's loopback.
     */
    String callbackUrl() throws Exception {
        WebhookConfiguration web = configuration();
        if (!servedByCamelWebhook && configuration.getWebhookExternalUrl() != null) {
            // read when subscribing: a runtime may set it after the consumer was made (the Quarkus extension does,
            // once its HTTP server listens on its real port)
            web.setWebhookExternalUrl(configuration.getWebhookExternalUrl());
        }
        if (web.getWebhookExternalUrl() != null) {
            return web.computeFullExternalUrl();
        }
        String path = web.computeFullPath(true);
        KaizalaClient.Settings kaizala = endpoint.getComponent().client(configuration).settings();
        String kaizalaUrl = kaizala.endpointUrl() != null ? kaizala.endpointUrl() : kaizala.authUrl();
        EmbeddedHttpService server = localServer();
        if (isLoopback(kaizalaUrl) && server != null && server.getServerPort() > 0) {
            String scheme = server.getScheme() != null ? server.getScheme() : "http";
            return scheme + "://127.0.0.1:" + server.getServerPort() + path;
        }
        throw new KaizalaValidationException("webhookExternalUrl", "kaizala:events on " + description() + " needs the"
                + " public HTTPS base URL at which Kaizala reaches this application's HTTP server, e.g."
                + " webhookExternalUrl=https://hooks.example.com (the callback path " + path
                + " is appended); this server's own address"
                + " is only used when Kaizala itself runs on loopback (a simulator in a test)");
    }

    /** The embedded HTTP server of the serving component (platform-http's engine), if it tells its port. */
    private EmbeddedHttpService localServer() {
        Object factory = WebhookUtils.locateRestConsumerFactory(context(), configuration());
        if (factory instanceof EmbeddedHttpService service) {
            return service;
        }
        Object engine = PluginHelper.getBeanIntrospection(context()).getOrElseProperty(factory, "engine", null, false);
        if (engine instanceof EmbeddedHttpService service) {
            return service;
        }
        RestConfiguration rest = configuration().retrieveRestConfiguration();
        return rest.getPort() <= 0 ? null : new EmbeddedHttpService() {

            @Override
            public String getScheme() {
                return rest.getScheme();
            }

            @Override
            public int getServerPort() {
                return rest.getPort();
            }
        };
    }

    private static boolean isLoopback(String url) {
        String host = url == null ? null : URI.create(url).getHost();
        return host != null && ("localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "[::1]".equals(host)
                || "::1".equals(host));
    }

    // ---- the subscription

    /**
     * Subscribes: configuration errors (no reachable callback URL, an insecure one, missing credentials) and refusals
     * (bad credentials) fail here; a callback not served yet (Kaizala's validation handshake fails — camel-webhook and
     * Camel Quarkus start Camel before the HTTP server serves it) or an unreachable Kaizala is retried in the
     * background with back-off, the consumer's health check DOWN meanwhile.
     */
    void register() throws Exception {
        String callbackUrl = callbackUrl();
        KaizalaClient client = endpoint.getComponent().client(configuration);
        String missing = client.settings().missingCredentials();
        if (missing != null) {
            throw new IllegalArgumentException(missing);
        }
        WebhookSubscription registration = new WebhookSubscription(context(), client, KaizalaOperation::prepare,
                new EndpointOptions(configuration),
                new WebhookSubscription.Settings(configuration.getCallbackContext(),
                        configuration.isAllowInsecureWebhookUrl(),
                        configuration.getConnectTimeout() + configuration.getResponseTimeout() * 2L),
                objectId(), objectType(), eventTypes(), callbackToken());
        registration.checkCallbackUrl(callbackUrl);
        synchronized (this) {
            registering = true;
        }
        if (servedByCamelWebhook) {
            schedule(registration, callbackUrl, 0, 50);
            return;
        }
        try {
            subscribe(registration, callbackUrl);
            subscription = registration;
        } catch (Exception e) {
            if (!retriable(e)) {
                throw e;
            }
            LOG.warn("Could not subscribe the Kaizala webhook of {} yet ({}); retrying in the background, health DOWN"
                    + " until it succeeds", description(), e.getMessage());
            schedule(registration, callbackUrl, 1, FIRST_RETRY_MILLIS); // the attempt above was the first
        }
    }

    /** Instances starting together take the subscription lock, if any, one at a time: the first creates, the rest reuse. */
    private void subscribe(WebhookSubscription registration, String callbackUrl) throws Exception {
        KaizalaSubscriptionLock lock = endpoint.getComponent().getSubscriptionLock();
        try (AutoCloseable held = lock != null ? lock.lock(objectType() + ":" + objectId()) : null) {
            registration.register(callbackUrl);
        }
    }

    private synchronized void schedule(WebhookSubscription registration, String callbackUrl, int attempt, long delay) {
        if (!registering) {
            return;
        }
        pendingRegistration = endpoint.getComponent().timer().schedule(
                () -> retry(registration, callbackUrl, attempt, delay), delay, TimeUnit.MILLISECONDS);
    }

    private void retry(WebhookSubscription registration, String callbackUrl, int attempt, long delay) {
        try {
            subscribe(registration, callbackUrl);
            synchronized (this) {
                if (registering) {
                    subscription = registration;
                    LOG.info("Subscribed the Kaizala webhook of {} after {} attempts", description(), attempt + 1);
                    return;
                }
            }
            registration.unregister(); // stopped meanwhile
        } catch (Exception e) {
            if (retriable(e) && attempt < MAX_ATTEMPTS) {
                LOG.debug("Attempt {} to subscribe the Kaizala webhook of {} failed: {}", attempt + 1, description(),
                        e.getMessage());
                schedule(registration, callbackUrl, attempt + 1, Math.min(delay * 2, MAX_RETRY_MILLIS));
            } else {
                LOG.error("Could not subscribe the Kaizala webhook of {} after {} attempts; no events are received"
                        + " (restart the route to try again): {}", description(), attempt + 1, e.getMessage());
            }
        }
    }

    /** A failed validation handshake (400), a Kaizala unavailable (429, 5xx) or unreachable. */
    private static boolean retriable(Exception e) {
        if (e instanceof KaizalaApiException api) {
            int status = api.getStatusCode();
            return status == 400 || status == 429 || status >= 500 || status <= 0;
        }
        return e instanceof TimeoutException || e instanceof java.io.IOException;
    }

    /** Stops retrying and deletes the subscription if this endpoint created it. */
    void unregister() throws Exception {
        synchronized (this) {
            registering = false;
            if (pendingRegistration != null) {
                pendingRegistration.cancel(false);
                pendingRegistration = null;
            }
        }
        WebhookSubscription registration = subscription;
        subscription = null;
        if (registration != null) {
            registration.unregister();
        }
    }

    /** The subscription in force, or null (not yet or no longer registered). */
    WebhookSubscription subscription() {
        return subscription;
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
}
