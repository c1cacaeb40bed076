package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkaizala.simulator.internal.Json;
import io.github.camelkaizala.simulator.internal.Refusal;
import io.github.camelkaizala.simulator.internal.Store;

/**
 * Webhook delivery (§12.1, §12.2, §12.7): the callback URL validation handshake, the asynchronous POST of every
 * event to the subscriptions it matches, retries with back-off and auto-disable, deliberate duplicates, and the
 * logs tests assert on ({@link #deliveries()}, {@link #handshakes()}, {@link #events()}).
 *
 * <p>Each webhook has its own queue, delivered in order by a small shared executor: an event waits until the
 * ones before it for the same webhook were delivered or given up (so a failing callback delays its later events,
 * and per-webhook order holds). A failed attempt (non-2xx, no connection, no answer within the delivery timeout)
 * is retried after each of the retry delays in turn; when the last retry fails too the webhook is disabled
 * ({@code active=false}) and its queue dropped. A webhook found deleted, inactive or expired when its turn comes
 * gets nothing (its queue is dropped). URL and {@code kz-callback-token} are read at each attempt; the body is
 * fixed when the event happens.
 */
public final class Webhooks implements AutoCloseable {

    /** Kaizala's schedule: 6 retries, each twice as long as the one before, over 2 days (45 min 43 s … 24 h 23 min). */
    public static final List<Duration> REAL_RETRY_DELAYS = realRetryDelays();
    /** The simulator's default: 50, 100, 200, 400, 800, 1600 ms (3.15 s in all). */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
    public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(5);
    /** The header carrying the subscription's {@code callBackToken} (§12.1). */
    public static final String CALLBACK_TOKEN_HEADER = "kz-callback-token";

    private static final int THREADS = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Settings from the builder. */
    record Settings(boolean validateCallbacks, Duration validationTimeout, List<Duration> retryDelays,
            double duplicateRate, Duration deliveryTimeout) {

        Settings {
            retryDelays = List.copyOf(retryDelays);
        }
    }

    /** One event for one webhook, with its attempt number; mutable only under the lock. */
    private static final class Job {

        final String webhookId;
        final Event event;
        final String body;
        final boolean duplicate;
        int attempt = 1;

        Job(String webhookId, Event event, String body, boolean duplicate) {
            this.webhookId = webhookId;
            this.event = event;
            this.body = body;
            this.duplicate = duplicate;
        }
    }

    /** A webhook's queue; {@code running} while a task for it is scheduled or working. */
    private static final class Lane {

        final Deque<Job> queue = new ArrayDeque<>();
        boolean running;
    }

    private final Store state;
    private final Settings settings;
    private final ScheduledThreadPoolExecutor executor;
    private final Object clientLock = new Object();
    private ExecutorService clientExecutor; // guarded by clientLock, created with the client
    private HttpClient client; // guarded by clientLock, created on first use

    // guarded by this
    private final Map<String, Lane> lanes = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, Map<String, String>> bodies = new HashMap<>(); // eventId -> webhookId -> body
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Handshake> handshakes = new ArrayList<>();
    private int pending;
    private boolean closed;

    Webhooks(Store state, Settings settings) {
        this.state = state;
        this.settings = settings;
        executor = new ScheduledThreadPoolExecutor(THREADS, daemons("kaizala-sim-webhook-"));
        executor.setRemoveOnCancelPolicy(true);
    }

    // ---------------------------------------------------------------- views and waiting

    /** Every event so far, in order, with the webhooks each was queued for (possibly none). */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Every delivery attempt so far (retries and duplicates included), in order. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The delivery attempts to one webhook, in order. */
    public synchronized List<Delivery> deliveries(String webhookId) {
        return deliveries.stream().filter(d -> d.webhookId().equals(webhookId)).toList();
    }

    /** Every callback URL validation so far, in order (refused ones included). */
    public synchronized List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Deliveries not finished yet: queued, in flight, or waiting for a retry. */
    public synchronized int pending() {
        return pending;
    }

    /**
     * Waits until at least {@code count} attempts were answered 2xx (duplicates included), at most {@code timeout};
     * returns those deliveries, in order. IllegalStateException on timeout, naming what was attempted.
     */
    public synchronized List<Delivery> awaitDelivered(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Delivery> delivered = deliveries.stream().filter(Delivery::delivered).toList();
            if (delivered.size() >= count) {
                return delivered;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + count
                        + " deliveries answered 2xx; got " + delivered.size() + " (" + pending + " pending); attempts: "
                        + deliveries.stream().map(d -> d.eventType() + "#" + d.attempt() + "=" + d.status()).toList());
            }
            waitHere(left);
        }
    }

    /** Waits until nothing is left to deliver (no queue, no retry pending), at most {@code timeout}; false on timeout. */
    public synchronized boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitHere(left);
        }
        return true;
    }

    /** Waits on this monitor (holding it); an interrupt becomes IllegalStateException, the flag kept. */
    private void waitHere(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
        }
    }

    // ---------------------------------------------------------------- test hooks

    /**
     * Queues the event once more, with the same {@code eventId} and body, to every webhook it was queued for
     * (delivered as a duplicate, with retries); returns how many. IllegalArgumentException for an unknown event.
     */
    public int redeliver(String eventId) {
        synchronized (this) {
            Event event = events.stream().filter(e -> e.eventId().equals(eventId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no event with id " + eventId));
            Map<String, String> sent = bodies.getOrDefault(eventId, Map.of());
            sent.forEach((webhookId, body) -> enqueue(new Job(webhookId, event, body, true)));
            return sent.size();
        }
    }

    /**
     * POSTs {@code rawBody} with exactly {@code headers} (nothing added: no {@code Content-Type}, no token) to the
     * webhook's callback URL, now, outside the queue and the logs; returns the HTTP status, -1 when the callback
     * could not be reached or did not answer within the delivery timeout. For forged tokens, malformed JSON,
     * oversized bodies. IllegalArgumentException for an unknown webhook or a header the JDK client refuses
     * ({@code Content-Length}, {@code Host}, …).
     */
    public int send(String webhookId, String rawBody, Map<String, String> headers) {
        Webhook w = state.webhook(webhookId)
                .orElseThrow(() -> new IllegalArgumentException("no webhook with id " + webhookId));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(w.callbackUrl()))
                .timeout(settings.deliveryTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(Objects.requireNonNull(rawBody, "rawBody"),
                        StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return post(request.build());
    }

    // ---------------------------------------------------------------- handshake

    /**
     * §12.2: {@code GET {callBackUrl}?validationToken={token}} ({@code &} when the URL has a query); the callback
     * must answer 2xx with exactly the token as body within the validation timeout. 400
     * {@code CallbackValidationFailed} otherwise. Does nothing when validation is off.
     */
    void validate(String callbackUrl) {
        if (!settings.validateCallbacks()) {
            return;
        }
        String token = "kzv-" + HexFormat.of().formatHex(randomBytes());
        Duration timeout = settings.validationTimeout();
        int status = -1;
        String problem;
        try {
            HttpRequest request = HttpRequest.newBuilder(withValidationToken(callbackUrl, token)).timeout(timeout).GET()
                    .build();
            if (neverResolves(request.uri())) {
                throw new IllegalArgumentException(
                        "host " + request.uri().getHost() + " is a reserved name (RFC 2606)");
            }
            CompletableFuture<HttpResponse<String>> answer = client().sendAsync(request,
                    HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> r = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                status = r.statusCode();
                if (status < 200 || status >= 300) {
                    problem = "the callback answered " + status;
                } else if (!token.equals(r.body())) {
                    problem = "the callback answered " + abbreviate(r.body()) + " instead of the validationToken "
                            + token;
                } else {
                    problem = null;
                }
            } catch (TimeoutException e) {
                answer.cancel(true);
                problem = "the callback did not answer within " + timeout;
            } catch (ExecutionException e) {
                problem = e.getCause() instanceof HttpTimeoutException
                        ? "the callback did not answer within " + timeout
                        : "the callback could not be reached: " + e.getCause();
            } catch (CancellationException e) {
                problem = "the validation was cancelled";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "the validation was interrupted";
        } catch (IllegalArgumentException | IllegalStateException | RejectedExecutionException e) {
            problem = "the callback could not be reached: " + e;
        }
        synchronized (this) {
            handshakes.add(new Handshake(callbackUrl, token, status, problem == null, problem, Instant.now()));
        }
        if (problem != null) {
            throw Refusal.invalid("CallbackValidationFailed",
                    "'callBackUrl' " + callbackUrl + " failed the validation handshake: " + problem);
        }
    }

    static URI withValidationToken(String callbackUrl, String token) {
        String url = callbackUrl;
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            url = url.substring(0, hash);
        }
        String separator = url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
        return URI.create(url + separator + "validationToken=" + token + fragment);
    }

    // ---------------------------------------------------------------- delivery

    /**
     * Queues an event for its webhooks (called by the state under its lock: only queues, never blocks). The
     * envelope (§12.7) is made here, per webhook: its object, the event, its {@code context}.
     */
    void publish(Event event, List<Webhook> targets) {
        synchronized (this) {
            events.add(event);
            if (closed || targets.isEmpty()) {
                notifyAll();
                return;
            }
            Map<String, String> sent = bodies.computeIfAbsent(event.eventId(), id -> new LinkedHashMap<>());
            for (Webhook w : targets) {
                String body = envelope(w, event);
                sent.put(w.id(), body);
                enqueue(new Job(w.id(), event, body, false));
            }
        }
    }

    static String envelope(Webhook w, Event e) {
        ObjectNode n = Json.MAPPER.createObjectNode()
                .put("objectId", w.objectId())
                .put("objectType", w.objectType())
                .put("eventType", e.eventType())
                .put("eventId", e.eventId());
        n.set("data", e.data());
        if (w.context() != null) {
            n.put("context", w.context());
        }
        n.put("fromUser", e.fromUser())
                .put("fromUserId", e.fromUserId())
                .put("fromUserName", e.fromUserName())
                .put("fromUserProfilePic", e.fromUserProfilePic());
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise an event", ex);
        }
    }

    private void enqueue(Job job) { // holding this
        if (closed) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(job.webhookId, id -> new Lane());
        lane.queue.addLast(job);
        pending++;
        if (!lane.running) {
            lane.running = true;
            schedule(lane, Duration.ZERO);
        }
    }

    private void schedule(Lane lane, Duration delay) { // holding this
        try {
            executor.schedule(() -> work(lane), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            lane.running = false; // closing
        }
    }

    /** Attempts the lane's first job, then schedules the next attempt (at once, or after a retry delay). */
    private void work(Lane lane) {
        Job job;
        synchronized (this) {
            job = lane.queue.peekFirst();
            if (closed || job == null) {
                lane.running = false;
                return;
            }
        }
        Webhook w = state.webhook(job.webhookId).orElse(null);
        if (w == null || !w.active() || !w.validity().isAfter(Instant.now())) {
            drop(lane);
            return;
        }
        int status;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(w.callbackUrl()))
                    .timeout(settings.deliveryTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(job.body, StandardCharsets.UTF_8));
            if (w.callbackToken() != null) {
                request.header(CALLBACK_TOKEN_HEADER, w.callbackToken());
            }
            status = post(request.build());
        } catch (IllegalArgumentException e) { // a URL or token the JDK client cannot send: as unreachable
            status = -1;
        }
        boolean exhausted = false;
        Duration next = Duration.ZERO;
        synchronized (this) {
            if (closed) {
                return;
            }
            deliveries.add(new Delivery(job.webhookId, job.event.eventId(), job.event.eventType(), job.attempt, status,
                    job.duplicate, Instant.now(), job.body));
            if (status >= 200 && status < 300) {
                lane.queue.pollFirst();
                pending--;
                if (!job.duplicate && settings.duplicateRate() > 0
                        && ThreadLocalRandom.current().nextDouble() < settings.duplicateRate()) {
                    enqueue(new Job(job.webhookId, job.event, job.body, true));
                }
            } else if (job.attempt <= settings.retryDelays().size()) {
                next = settings.retryDelays().get(job.attempt - 1);
                job.attempt++;
            } else {
                exhausted = true;
            }
            notifyAll();
        }
        if (exhausted) {
            state.disableWebhook(job.webhookId); // before the queue empties, so awaitIdle() sees it disabled
            drop(lane);
            return;
        }
        synchronized (this) {
            if (closed || lane.queue.isEmpty()) {
                lane.running = false;
                return;
            }
            schedule(lane, next);
        }
    }

    private synchronized void drop(Lane lane) {
        pending -= lane.queue.size();
        lane.queue.clear();
        lane.running = false;
        notifyAll();
    }

    /** Sends a request and returns the status; -1 when there is no answer (connection, timeout, interrupt). */
    private int post(HttpRequest request) {
        if (neverResolves(request.uri())) {
            return -1;
        }
        try {
            return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | RejectedExecutionException | IllegalStateException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Cancels every pending delivery and retry and stops the threads at once (in-flight requests are interrupted). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            lanes.values().forEach(l -> {
                l.queue.clear();
                l.running = false;
            });
            pending = 0;
            notifyAll();
        }
        executor.shutdownNow();
        synchronized (clientLock) {
            if (clientExecutor != null) {
                clientExecutor.shutdownNow();
            }
            client = null;
        }
    }

    private HttpClient client() {
        synchronized (clientLock) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the simulator is closed");
                }
            }
            if (client == null) {
                clientExecutor = Executors.newCachedThreadPool(daemons("kaizala-sim-callback-"));
                client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.deliveryTimeout().compareTo(settings.validationTimeout()) > 0
                                ? settings.deliveryTimeout() : settings.validationTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(clientExecutor)
                        .build();
            }
            return client;
        }
    }

    /**
     * Names under the reserved TLDs {@code .example}, {@code .invalid}, {@code .test} (RFC 2606/6761) never resolve:
     * they are refused at once, without a DNS lookup (examples and tests use them for callbacks nobody serves).
     */
    static boolean neverResolves(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String tld : List.of("example", "invalid", "test")) {
            if (h.equals(tld) || h.endsWith("." + tld)) {
                return true;
            }
        }
        return false;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "nothing";
        }
        return body.length() > 80 ? "'" + body.substring(0, 80) + "…'" : "'" + body + "'";
    }

    private static List<Duration> realRetryDelays() {
        long unit = Duration.ofDays(2).toMillis() / 63; // 1 + 2 + 4 + 8 + 16 + 32 = 63 units
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delays.add(Duration.ofMillis(unit << i));
        }
        return List.copyOf(delays);
    }
}
