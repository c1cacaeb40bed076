package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;
import io.github.camelkaizala.simulator.internal.ActionsHandler;
import io.github.camelkaizala.simulator.internal.AdminApi;
import io.github.camelkaizala.simulator.internal.AuthHandler;
import io.github.camelkaizala.simulator.internal.Dispatcher;
import io.github.camelkaizala.simulator.internal.GroupsHandler;
import io.github.camelkaizala.simulator.internal.MediaHandler;
import io.github.camelkaizala.simulator.internal.MembersHandler;
import io.github.camelkaizala.simulator.internal.MessagesHandler;
import io.github.camelkaizala.simulator.internal.ReactionsHandler;
import io.github.camelkaizala.simulator.internal.ResponsesHandler;
import io.github.camelkaizala.simulator.internal.Router;
import io.github.camelkaizala.simulator.internal.Store;
import io.github.camelkaizala.simulator.internal.SubGroupsHandler;
import io.github.camelkaizala.simulator.internal.SubscribersHandler;
import io.github.camelkaizala.simulator.internal.Throttle;
import io.github.camelkaizala.simulator.internal.TokenService;
import io.github.camelkaizala.simulator.internal.WebhooksHandler;

/**
 * An in-memory Kaizala REST API on 127.0.0.1. The token service answers under {@link #authUrl()}
 * ({@code http://127.0.0.1:PORT/v1}); resources under {@code {endpointUrl}v1/…}, where {@code endpointUrl}
 * is {@code http://127.0.0.1:PORT/kms-N/} for the connector's current cluster.
 *
 * <pre>{@code
 * try (KaizalaSimulator sim = KaizalaSimulator.start()) {
 *     Group g = sim.state().createGroup("Field Sales", "+15550100001");
 *     // call sim.authUrl() with DEFAULT_APPLICATION_ID / _SECRET / _REFRESH_TOKEN …
 *     sim.human("+15550100001").postText(g.id(), "hello");   // TextMessageCreated to the group's webhooks
 *     sim.awaitDelivered(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Webhooks are delivered for real (see {@link Webhooks}): a subscription is created only after its callback
 * answered the validation handshake, and every event of its object is POSTed to it asynchronously.
 */
public final class KaizalaSimulator implements AutoCloseable {

    public static final String DEFAULT_APPLICATION_ID = "kaizala-sim-connector";
    public static final String DEFAULT_APPLICATION_SECRET = "kaizala-sim-secret";
    public static final String DEFAULT_REFRESH_TOKEN = "kaizala-sim-refresh-token";
    /** The user of the default connector's refresh token; Admin of the groups it creates. */
    public static final String DEFAULT_USER_MOBILE = "+15550100000";
    public static final String DEFAULT_TENANT_ID = "kaizala-sim-tenant";
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofHours(24);

    private static final int THREADS = 64;

    static {
        // The JDK server writes the headers and the body of an answer separately: with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK (~40 ms a call). Read once, when the first JDK
        // HttpServer of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUri;
    private final Store store;
    private final SimulatorState state;
    private final TokenService tokens;
    private final FaultPlan faults = new FaultPlan();
    private final Journal journal = new Journal();
    private final Webhooks webhooks;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KaizalaSimulator(Builder b) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), b.port), 1024);
        baseUri = "http://127.0.0.1:" + server.getAddress().getPort();
        store = new Store(b.groupIdSuffix);
        state = new SimulatorState(store);
        webhooks = new Webhooks(store, new Webhooks.Settings(b.validateCallbacks, b.validationTimeout, b.retryDelays,
                b.duplicateRate, b.deliveryTimeout));
        store.eventSink(webhooks::publish);
        tokens = new TokenService(baseUri, b.accessTokenTtl, store, b.pin, b.pinListener);
        tokens.register(DEFAULT_APPLICATION_ID, DEFAULT_APPLICATION_SECRET, DEFAULT_REFRESH_TOKEN, DEFAULT_TENANT_ID,
                DEFAULT_USER_MOBILE);

        Router tokenRoutes = new Router();
        new AuthHandler(tokens).routes(tokenRoutes);
        Router resourceRoutes = new Router();
        new GroupsHandler(store).routes(resourceRoutes);
        new MembersHandler(store).routes(resourceRoutes);
        new MessagesHandler(store).routes(resourceRoutes);
        new SubGroupsHandler(store).routes(resourceRoutes);
        new SubscribersHandler(store).routes(resourceRoutes);
        new MediaHandler(store).routes(resourceRoutes);
        new ActionsHandler(store).routes(resourceRoutes);
        new ResponsesHandler(store).routes(resourceRoutes);
        new ReactionsHandler(store).routes(resourceRoutes);
        new WebhooksHandler(store, webhooks::validate).routes(resourceRoutes);

        Throttle throttle = b.perConnector > 0 ? new Throttle(b.perConnector, b.perTenant) : null;
        Router adminRoutes = new Router();
        new AdminApi(this).routes(adminRoutes);
        server.createContext("/",
                new Dispatcher(tokenRoutes, resourceRoutes, adminRoutes, tokens, throttle, faults::take,
                        journal::add, b.requestLog));
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "kaizala-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free loopback port with the defaults. */
    public static KaizalaSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUri() {
        return baseUri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The token-service base including {@code /v1}: {@code http://127.0.0.1:PORT/v1}. */
    public String authUrl() {
        return baseUri + "/v1";
    }

    /** The prefix of the {@code kaizala} component's properties in Camel Main, Spring Boot, Quarkus and JBang. */
    public static final String COMPONENT_PROPERTY_PREFIX = "camel.component.kaizala.";

    /**
     * What points the {@code kaizala} component at this simulator, as Camel properties ready to use or paste:
     * {@code camel.component.kaizala.authUrl}, {@code .applicationId}, {@code .applicationSecret},
     * {@code .refreshToken} (the default connector's; the simulator's own, published test credentials).
     */
    public Map<String, String> componentProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(COMPONENT_PROPERTY_PREFIX + "authUrl", authUrl());
        p.put(COMPONENT_PROPERTY_PREFIX + "applicationId", DEFAULT_APPLICATION_ID);
        p.put(COMPONENT_PROPERTY_PREFIX + "applicationSecret", DEFAULT_APPLICATION_SECRET);
        p.put(COMPONENT_PROPERTY_PREFIX + "refreshToken", DEFAULT_REFRESH_TOKEN);
        return Collections.unmodifiableMap(p);
    }

    /** The default connector's current resource base, without {@code /v1}, with a trailing slash. */
    public String endpointUrl() {
        return endpointUrl(DEFAULT_APPLICATION_ID);
    }

    public String endpointUrl(String applicationId) {
        return tokens.endpointUrl(applicationId);
    }

    /** Registers another connector in the default tenant; its refresh token belongs to {@link #DEFAULT_USER_MOBILE}. */
    public void registerConnector(String applicationId, String applicationSecret, String refreshToken) {
        registerConnector(applicationId, applicationSecret, refreshToken, DEFAULT_TENANT_ID);
    }

    public void registerConnector(String applicationId, String applicationSecret, String refreshToken,
            String tenantId) {
        tokens.register(Objects.requireNonNull(applicationId, "applicationId"),
                Objects.requireNonNull(applicationSecret, "applicationSecret"),
                Objects.requireNonNull(refreshToken, "refreshToken"), Objects.requireNonNull(tenantId, "tenantId"),
                DEFAULT_USER_MOBILE);
    }

    /** A valid access token for the connector's user, without HTTP. */
    public String issueAccessToken(String applicationId) {
        return tokens.issue(applicationId).accessToken();
    }

    /** Every access token issued so far is expired from now on (resource calls answer 401). */
    public void expireAccessTokens() {
        tokens.expireAll();
    }

    /**
     * The next {@code GET /accessToken} answer for this connector carries the returned refresh token; from then
     * the refresh token presented in that call is refused (401).
     */
    public String rotateRefreshToken(String applicationId) {
        return tokens.rotate(applicationId);
    }

    /** Moves the connector to a new cluster; returns the new base ({@code http://127.0.0.1:PORT/kms-N/}). */
    public String relocate(String applicationId) {
        return tokens.relocate(applicationId);
    }

    /** The PIN last generated for that number by {@code POST /generatePin}; IllegalStateException when none. */
    public int lastPin(String mobileNumber) {
        return tokens.lastPin(mobileNumber);
    }

    public FaultPlan faults() {
        return faults;
    }

    public Journal journal() {
        return journal;
    }

    public SimulatorState state() {
        return state;
    }

    /** Webhook delivery: the delivery, handshake and event logs, waiting, redelivery, raw sends. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Every delivery attempt so far, in order ({@link Webhooks#deliveries()}). */
    public List<Delivery> deliveries() {
        return webhooks.deliveries();
    }

    /**
     * Waits until at least {@code count} delivery attempts were answered 2xx (duplicates included); returns them.
     * IllegalStateException after {@code timeout} ({@link Webhooks#awaitDelivered}).
     */
    public List<Delivery> awaitDelivered(int count, Duration timeout) {
        return webhooks.awaitDelivered(count, timeout);
    }

    /** Waits until nothing is left to deliver, retries included; false after {@code timeout} ({@link Webhooks#awaitIdle}). */
    public boolean awaitIdle(Duration timeout) {
        return webhooks.awaitIdle(timeout);
    }

    /** A person acting in groups by that phone number (posting, answering, joining…), so that events happen. */
    public Human human(String mobile) {
        return new Human(store, mobile);
    }

    /** As {@link #DEFAULT_USER_MOBILE} (Admin of the seeded groups): links a group below another (GroupAdded). */
    public void linkSubGroup(String parentGroupId, String subGroupId) {
        human(DEFAULT_USER_MOBILE).linkSubGroup(parentGroupId, subGroupId);
    }

    /** As {@link #DEFAULT_USER_MOBILE}: unlinks a direct sub-group (GroupRemoved). */
    public void unlinkSubGroup(String parentGroupId, String subGroupId) {
        human(DEFAULT_USER_MOBILE).unlinkSubGroup(parentGroupId, subGroupId);
    }

    /** As {@link #DEFAULT_USER_MOBILE}: posts an announcement (Announcement). */
    public Action postAnnouncement(String groupId, String title, String text) {
        return human(DEFAULT_USER_MOBILE).postAnnouncement(groupId, title, text);
    }

    /** As {@link #DEFAULT_USER_MOBILE}: posts a survey of {@code Text} questions (SurveyCreated). */
    public Action postSurvey(String groupId, String title, String... questionTitles) {
        return human(DEFAULT_USER_MOBILE).postSurvey(groupId, title, questionTitles);
    }

    /** As {@link #DEFAULT_USER_MOBILE}: posts a job assigned to those numbers (JobCreated). */
    public Action postJob(String groupId, String title, String... assignees) {
        return human(DEFAULT_USER_MOBILE).postJob(groupId, title, assignees);
    }

    /** How many {@code GET /accessToken} calls in the journal were answered 200. */
    public int tokenRequests() {
        return (int) journal.matching("GET", "/accessToken").stream()
                .filter(r -> r.cluster() == null && r.status() == 200).count();
    }

    /**
     * Stops at once: requests in progress (even stalled ones) are cut off, pending webhook deliveries and retries
     * are cancelled. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            webhooks.close();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    public static final class Builder {

        private int port;
        private Duration accessTokenTtl = DEFAULT_ACCESS_TOKEN_TTL;
        private int perConnector;
        private int perTenant;
        private String groupIdSuffix = "";
        private boolean validateCallbacks = true;
        private Duration validationTimeout = Webhooks.DEFAULT_VALIDATION_TIMEOUT;
        private List<Duration> retryDelays = Webhooks.DEFAULT_RETRY_DELAYS;
        private double duplicateRate;
        private Duration deliveryTimeout = Webhooks.DEFAULT_DELIVERY_TIMEOUT;
        private Integer pin;
        private BiConsumer<String, Integer> pinListener = (mobile, pin) -> {
        };
        private Consumer<String> requestLog;

        private Builder() {
        }

        /** The PIN {@code POST /generatePin} issues, always (1000 to 9999); a random one by default. */
        public Builder pin(int pin) {
            if (pin < 1000 || pin > 9999) {
                throw new IllegalArgumentException("the PIN has 4 digits (1000 to 9999), got " + pin);
            }
            this.pin = pin;
            return this;
        }

        /** Told every PIN {@code POST /generatePin} issues (mobile number, PIN), e.g. to print it. */
        public Builder pinListener(BiConsumer<String, Integer> listener) {
            this.pinListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Gets one readable line per request once it is answered: method, path, status, time taken (e.g.
         * {@code POST /kms-1/v1/groups/…/messages -> 200 (3 ms)}); never headers or bodies. None by default.
         */
        public Builder requestLog(Consumer<String> log) {
            this.requestLog = Objects.requireNonNull(log, "log");
            return this;
        }

        /** 0 (the default) = a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder accessTokenTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("the access token TTL must be positive");
            }
            this.accessTokenTtl = ttl;
            return this;
        }

        /** Calls per sliding minute, per connector and per tenant (Kaizala: 100 and 300). Off unless set. */
        public Builder throttling(int perConnector, int perTenant) {
            if (perConnector < 1 || perTenant < 1) {
                throw new IllegalArgumentException("throttling limits must be positive");
            }
            this.perConnector = perConnector;
            this.perTenant = perTenant;
            return this;
        }

        /** Appended to every new group id, e.g. {@code "@1"} as some real ids had; none by default. */
        public Builder groupIdSuffix(String suffix) {
            this.groupIdSuffix = Objects.requireNonNull(suffix, "suffix");
            return this;
        }

        /**
         * Whether {@code POST /webhook} (and a {@code PUT} changing {@code callBackUrl}) first validates the callback
         * (§12.2). On by default; off stores subscriptions to any URL (deliveries are still attempted).
         */
        public Builder validateCallbacks(boolean validate) {
            this.validateCallbacks = validate;
            return this;
        }

        /** How long the callback may take to echo the validation token (Kaizala: 5 s, the default). */
        public Builder validationTimeout(Duration timeout) {
            this.validationTimeout = positive(timeout, "the validation timeout");
            return this;
        }

        /**
         * The waits before each retry of a failed delivery; after the last retry fails the webhook is disabled.
         * Default {@link Webhooks#DEFAULT_RETRY_DELAYS} (50 ms doubling to 1.6 s); none = disabled at the first
         * failure.
         */
        public Builder webhookRetryDelays(Duration... delays) {
            for (Duration d : delays) {
                if (d == null || d.isNegative()) {
                    throw new IllegalArgumentException("retry delays must not be negative");
                }
            }
            this.retryDelays = List.of(delays);
            return this;
        }

        /**
         * Kaizala's real schedule ({@link Webhooks#REAL_RETRY_DELAYS}: 6 retries doubling over 2 days) times
         * {@code scale}: 1 = real time, {@code 1e-5} ≈ 27 ms … 878 ms. Replaces {@link #webhookRetryDelays}.
         */
        public Builder webhookTimeScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("the webhook time scale must be positive, got " + scale);
            }
            this.retryDelays = Webhooks.REAL_RETRY_DELAYS.stream()
                    .map(d -> Duration.ofNanos(Math.round(d.toNanos() * scale))).toList();
            return this;
        }

        /** The fraction (0 to 1) of successful deliveries delivered a second time, same {@code eventId} and body. 0 by default. */
        public Builder duplicateRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("the duplicate rate must be between 0 and 1, got " + rate);
            }
            this.duplicateRate = rate;
            return this;
        }

        /** How long a callback may take to answer a delivery before the attempt counts as failed (status -1). 5 s by default. */
        public Builder deliveryTimeout(Duration timeout) {
            this.deliveryTimeout = positive(timeout, "the delivery timeout");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }

        public KaizalaSimulator start() {
            try {
                return new KaizalaSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Kaizala simulator on port " + port, e);
            }
        }
    }
}
