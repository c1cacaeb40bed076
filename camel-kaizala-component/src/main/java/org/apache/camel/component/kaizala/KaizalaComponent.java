package org.apache.camel.component.kaizala;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaRateLimiter;
import org.apache.camel.component.kaizala.api.KaizalaSubscriptionLock;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.component.kaizala.internal.wire.HttpTransport;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.component.kaizala.internal.wire.LocalRateLimiter;
import org.apache.camel.component.kaizala.internal.wire.RateLimiter;
import org.apache.camel.component.kaizala.internal.wire.RetryPolicy;
import org.apache.camel.component.kaizala.internal.wire.TokenManager;
import org.apache.camel.component.kaizala.internal.wire.Waits;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code kaizala:} component. Holds what its endpoints share: the default options, one HTTP connection pool, and
 * one {@link KaizalaClient} (token cache, resource base) per connector.
 */
@Component(KaizalaConstants.SCHEME)
public class KaizalaComponent extends HealthCheckComponent {

    @Metadata(description = "Options shared by every endpoint; an endpoint URI overrides them.")
    private KaizalaConfiguration configuration = new KaizalaConfiguration();
    @Metadata(label = "advanced", defaultValue = "100", description = "The most HTTP connections the component keeps open to Kaizala, across all endpoints.")
    private int maxConnections = 100;
    @Metadata(label = "advanced", autowired = true, description = "Paces calls across every instance of the application (e.g. camel-kaizala-cluster's"
            + " PostgresKaizalaRateLimiter), after the per-JVM rateLimit. Default: none, the per-JVM"
            + " rateLimit only.")
    private KaizalaRateLimiter rateLimiter;
    @Metadata(label = "consumer,advanced", autowired = true, description = "A lock shared by every instance (e.g. camel-kaizala-cluster's PostgresSubscriptionLock), held"
            + " while the consumer finds or creates its webhook subscription, so that instances starting"
            + " together create one. Default: none.")
    private KaizalaSubscriptionLock subscriptionLock;

    private final KaizalaTokenStore defaultTokenStore = new InMemoryKaizalaTokenStore();
    private final Map<KaizalaClient.Settings, KaizalaClient> clients = new ConcurrentHashMap<>();
    private final Map<KaizalaClient.Identity, TokenState> tokenStates = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private volatile HttpTransport transport;
    private volatile CompletionThreads completionExecutor;
    private volatile ScheduledExecutorService timer;
    private volatile Waits waits;

    /** A connector's token state and the settings that created it. */
    private record TokenState(KaizalaClient.Settings first, TokenManager tokens) {}

    /**
     * The secret options whose names Camel does not recognise as secrets ({@code SensitiveUtils} knows
     * {@code refreshToken} and {@code accessToken}, not these), so that Camel Main's and Camel JBang's start-up summary
     * of {@code camel.*} properties masks them too.
     */
    static final String SENSITIVE_KEYWORDS = "applicationSecret,callbackToken";

    public KaizalaComponent() {
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        addSensitiveKeywords(getCamelContext());
    }

    /**
     * Adds {@link #SENSITIVE_KEYWORDS} to the context's additional sensitive keywords, keeping the user's own. Camel
     * before 4.15 (Karaf's Camel features stop at 4.14) has no such keywords: there it does nothing.
     */
    static void addSensitiveKeywords(CamelContext camelContext) {
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        String current;
        try {
            current = extension.getAdditionalSensitiveKeywords();
        } catch (NoSuchMethodError olderCamel) {
            return;
        }
        Set<String> present = current == null ? Set.of()
                : Arrays.stream(current.split(",")).map(k -> k.trim().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        List<String> missing = Arrays.stream(SENSITIVE_KEYWORDS.split(","))
                .filter(k -> !present.contains(k.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            String added = String.join(",", missing);
            extension.setAdditionalSensitiveKeywords(
                    current == null || current.isBlank() ? added : current + "," + added);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KaizalaEndpoint endpoint = new KaizalaEndpoint(uri, this, configuration.copy());
        endpoint.setResourcePath(remaining);
        endpoint.refuseConsumerOptions(parameters);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The client of these options, created on first use and shared from then on. Clients of one connector (see
     * {@link KaizalaClient.Settings#identity()}) share its token state and rate limit, whatever their other options.
     *
     * @throws IllegalArgumentException when authUrl or endpointUrl is not a URL, or when the options give the
     *                                  connector's token state values other than its other endpoints did
     */
    KaizalaClient client(KaizalaConfiguration options) {
        KaizalaClient.Settings settings = new KaizalaClient.Settings(
                options.getAuthUrl(), options.getEndpointUrl(), options.getApplicationId(),
                options.getApplicationSecret(), options.getRefreshToken(), options.getAccessToken(),
                options.getTokenStore() != null ? options.getTokenStore() : defaultTokenStore,
                options.getConnectTimeout(), options.getResponseTimeout(), options.getRequestTimeout(),
                options.getMaxResponseSize(), hosts(options.getRedirectAllowedHosts()),
                new RetryPolicy(options.getMaxRetries(), Duration.ofMillis(options.getMaxRetryAfter()),
                        Duration.ofMillis(options.getRetryInitialDelay()),
                        Duration.ofMillis(options.getRetryMaxDelay())));
        String invalid = settings.invalidUrls();
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        TokenState state = tokenStates.computeIfAbsent(settings.identity(),
                id -> new TokenState(settings, KaizalaClient.tokenState(transport(), settings)));
        KaizalaClient.checkSameTokenOptions(state.first(), settings);
        return clients.computeIfAbsent(settings, s -> new KaizalaClient(transport(), s, state.tokens(),
                rateLimiter(s.connectorKey(), options), rateLimiter, waits()));
    }

    private static List<String> hosts(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    /** The connector's limit, shared by all its endpoints (the first endpoint's options set it); null when off. */
    private RateLimiter rateLimiter(String connectorKey, KaizalaConfiguration options) {
        return options.getRateLimit() <= 0 ? null
                : rateLimiters.computeIfAbsent(connectorKey, key -> new LocalRateLimiter(options.getRateLimit(),
                        options.getRateLimitPeriod(), options.getRateLimitMaxWait(), waits()));
    }

    /** The waits of every exchange (back-off, Retry-After, pacing): failed, not stranded, when the component stops. */
    private Waits waits() {
        Waits w = waits;
        if (w == null) {
            synchronized (this) {
                if (waits == null) {
                    waits = new Waits(timer());
                }
                w = waits;
            }
        }
        return w;
    }

    /** Runs the component's waits (back-off, Retry-After, pacing) without holding a thread per exchange. */
    ScheduledExecutorService timer() {
        ScheduledExecutorService t = timer;
        if (t == null) {
            synchronized (this) {
                if (timer == null) {
                    timer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                            "KaizalaTimer");
                }
                t = timer;
            }
        }
        return t;
    }

    private HttpTransport transport() {
        HttpTransport t = transport;
        if (t == null) {
            synchronized (this) {
                if (transport == null) {
                    transport = new HttpTransport(maxConnections);
                }
                t = transport;
            }
        }
        return t;
    }

    /** Where exchanges continue once Kaizala answered ({@link CompletionThreads}). */
    CompletionThreads completionExecutor() {
        CompletionThreads e = completionExecutor;
        if (e == null) {
            synchronized (this) {
                if (completionExecutor == null) {
                    completionExecutor = new CompletionThreads(getCamelContext(), this, timer());
                }
                e = completionExecutor;
            }
        }
        return e;
    }

    @Override
    protected void doStop() throws Exception {
        clients.clear();
        tokenStates.clear();
        rateLimiters.clear();
        synchronized (this) {
            if (waits != null) {
                waits.stop();
                waits = null;
            }
            if (timer != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(timer);
                timer = null;
            }
            if (transport != null) {
                transport.close();
                transport = null;
            }
            if (completionExecutor != null) {
                completionExecutor.shutdown();
                completionExecutor = null;
            }
        }
        super.doStop();
    }

    /** The clients of the connectors in use, for the dev console. */
    java.util.Collection<KaizalaClient> clients() {
        return java.util.List.copyOf(clients.values());
    }

    public KaizalaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KaizalaConfiguration configuration) {
        this.configuration = configuration;
    }

    public KaizalaRateLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(KaizalaRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public KaizalaSubscriptionLock getSubscriptionLock() {
        return subscriptionLock;
    }

    public void setSubscriptionLock(KaizalaSubscriptionLock subscriptionLock) {
        this.subscriptionLock = subscriptionLock;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }
}
