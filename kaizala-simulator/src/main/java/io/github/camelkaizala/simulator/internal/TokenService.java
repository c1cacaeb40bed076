package io.github.camelkaizala.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Connectors, refresh tokens, PINs and access tokens (§2). Each connector lives on a cluster
 * ({@code kms-1}, {@code kms-2}, …); its resource base is {@code {baseUri}/{cluster}/}.
 */
public final class TokenService {

    public static final String SCOPE = "token.write";
    public static final String GRANTED_SCOPE = "groupinfo.read,groupinfo.write,groupinfo.remove,groupinfo.update,"
            + "groupmember.read,groupmember.write,groupmember.remove,textmessage.read,action.read,action.write,"
            + "action.update,profile.write,media.read,webhook.read,webhook.write,webhook.remove,webhook.update";
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(365);
    private static final String BAD_CREDENTIALS = "invalid applicationId, applicationSecret or refreshToken";

    /** An issued access token; {@code epoch} ties it to the last {@link #expireAll()}. */
    public record Grant(String accessToken, String applicationId, String tenantId, String userMobile, long epoch,
            Instant expiresAt) {}

    /** The answer of {@code GET /accessToken}; {@code rotatedRefreshToken} is null unless a rotation was due. */
    public record TokenAnswer(Grant grant, String endpointUrl, String rotatedRefreshToken) {}

    public record RefreshAnswer(String refreshToken, Instant expiresAt) {}

    private record RefreshGrant(String userMobile, Instant expiresAt) {}

    private record Pin(String applicationId, int pin) {}

    private static final class Connector {

        final String id;
        final byte[] secret;
        final String tenantId;
        final String primaryUser;
        final Map<String, RefreshGrant> refreshTokens = new HashMap<>(); // guarded by this
        String pendingRotation; // guarded by this
        volatile String cluster;

        Connector(String id, String secret, String tenantId, String primaryUser, String cluster) {
            this.id = id;
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
            this.tenantId = tenantId;
            this.primaryUser = primaryUser;
            this.cluster = cluster;
        }
    }

    private final String baseUri;
    private final Duration accessTokenTtl;
    private final Store state;
    private final Map<String, Connector> connectors = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Pin> pins = new ConcurrentHashMap<>(); // mobile number -> last PIN
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicInteger clusterSeq = new AtomicInteger(1);
    private final SecureRandom random = new SecureRandom();
    private final Integer fixedPin; // null = a random PIN each time
    private final BiConsumer<String, Integer> pinListener;

    /**
     * @param fixedPin    the PIN every {@code generatePin} issues, or null for a random 4-digit one
     * @param pinListener told each PIN issued (mobile number, PIN)
     */
    public TokenService(String baseUri, Duration accessTokenTtl, Store state, Integer fixedPin,
            BiConsumer<String, Integer> pinListener) {
        this.baseUri = baseUri;
        this.accessTokenTtl = accessTokenTtl;
        this.state = state;
        this.fixedPin = fixedPin;
        this.pinListener = pinListener;
    }

    public void register(String applicationId, String secret, String refreshToken, String tenantId, String userMobile) {
        Connector c = new Connector(applicationId, secret, tenantId, userMobile, "kms-1");
        c.refreshTokens.put(refreshToken, new RefreshGrant(userMobile, Instant.now().plus(REFRESH_TOKEN_LIFETIME)));
        if (connectors.putIfAbsent(applicationId, c) != null) {
            throw new IllegalArgumentException("connector already registered: " + applicationId);
        }
        state.registerUser(userMobile);
    }

    /** {@code GET /accessToken}: 401 unless the three credentials match. */
    public TokenAnswer exchange(String applicationId, String secret, String refreshToken) {
        Connector c = applicationId == null ? null : connectors.get(applicationId);
        if (c == null || secret == null || refreshToken == null
                || !MessageDigest.isEqual(c.secret, secret.getBytes(StandardCharsets.UTF_8))) {
            throw Refusal.unauthenticated("InvalidCredentials", BAD_CREDENTIALS);
        }
        String rotated;
        RefreshGrant rt;
        synchronized (c) {
            rt = c.refreshTokens.get(refreshToken);
            if (rt == null || Instant.now().isAfter(rt.expiresAt)) {
                throw Refusal.unauthenticated("InvalidCredentials", BAD_CREDENTIALS);
            }
            rotated = c.pendingRotation;
            if (rotated != null) {
                c.pendingRotation = null;
                c.refreshTokens.remove(refreshToken);
                c.refreshTokens.put(rotated,
                        new RefreshGrant(rt.userMobile, Instant.now().plus(REFRESH_TOKEN_LIFETIME)));
            }
        }
        return new TokenAnswer(issue(c, rt.userMobile), endpointUrl(c), rotated);
    }

    /** An access token for the connector's own user (the one of its registration refresh token). */
    public Grant issue(String applicationId) {
        Connector c = connector(applicationId);
        return issue(c, c.primaryUser);
    }

    private Grant issue(Connector c, String userMobile) {
        Grant g = new Grant("at-" + randomHex(24), c.id, c.tenantId, userMobile, epoch.get(),
                Instant.now().plus(accessTokenTtl));
        accessTokens.put(g.accessToken(), g);
        return g;
    }

    /** The grant of a valid access token; 401 when missing, unknown or expired. */
    public Grant authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw Refusal.unauthenticated("InvalidToken", "Invalid token. The accessToken header is missing");
        }
        Grant g = accessTokens.get(accessToken);
        if (g == null) {
            throw Refusal.unauthenticated("InvalidToken", "Invalid token. The access token is not known");
        }
        if (g.epoch() != epoch.get() || Instant.now().isAfter(g.expiresAt())) {
            throw Refusal.unauthenticated("InvalidToken", "Invalid token. The access token has expired");
        }
        return g;
    }

    /** The connector an access token (even an expired one) belongs to, or null. */
    public String applicationOf(String accessToken) {
        Grant g = accessToken == null ? null : accessTokens.get(accessToken);
        return g == null ? null : g.applicationId();
    }

    public boolean isRegistered(String applicationId) {
        return applicationId != null && connectors.containsKey(applicationId);
    }

    public String tenantOf(String applicationId) {
        return connector(applicationId).tenantId;
    }

    public void expireAll() {
        epoch.incrementAndGet();
    }

    /** Schedules a rotation: the next token answer carries the new refresh token and retires the one presented. */
    public String rotate(String applicationId) {
        Connector c = connector(applicationId);
        String next = "rt-" + randomHex(24);
        synchronized (c) {
            c.pendingRotation = next;
        }
        return next;
    }

    /** Moves the connector to a new cluster; returns its new resource base. */
    public String relocate(String applicationId) {
        Connector c = connector(applicationId);
        c.cluster = "kms-" + clusterSeq.incrementAndGet();
        return endpointUrl(c);
    }

    public String cluster(String applicationId) {
        return connector(applicationId).cluster;
    }

    public String endpointUrl(String applicationId) {
        return endpointUrl(connector(applicationId));
    }

    /** {@code POST /generatePin}: remembers a fresh 4-digit PIN for that number and connector. */
    public void generatePin(String mobile, String applicationId) {
        if (!isRegistered(applicationId)) {
            throw Refusal.unauthenticated("InvalidApplicationId", "unknown applicationId");
        }
        int pin = fixedPin != null ? fixedPin : ThreadLocalRandom.current().nextInt(1000, 10000);
        pins.put(mobile, new Pin(applicationId, pin));
        pinListener.accept(mobile, pin);
    }

    public int lastPin(String mobile) {
        Pin pin = pins.get(mobile);
        if (pin == null) {
            throw new IllegalStateException("no PIN was generated for " + mobile);
        }
        return pin.pin;
    }

    /** {@code POST /loginWithPinAndApplicationId}: a new refresh token replacing that user's previous one for the connector. */
    public RefreshAnswer login(String mobile, String applicationId, long pin) {
        Pin expected = pins.get(mobile);
        if (!isRegistered(applicationId) || expected == null || !expected.applicationId.equals(applicationId)
                || expected.pin != pin || !pins.remove(mobile, expected)) {
            throw Refusal.unauthenticated("InvalidPin", "invalid mobileNumber, applicationId or pin");
        }
        Connector c = connector(applicationId);
        String token = "rt-" + randomHex(24);
        Instant expiry = Instant.now().plus(REFRESH_TOKEN_LIFETIME);
        synchronized (c) {
            c.refreshTokens.values().removeIf(g -> g.userMobile.equals(mobile));
            c.refreshTokens.put(token, new RefreshGrant(mobile, expiry));
        }
        state.registerUser(mobile);
        return new RefreshAnswer(token, expiry);
    }

    private Connector connector(String applicationId) {
        Connector c = applicationId == null ? null : connectors.get(applicationId);
        if (c == null) {
            throw new IllegalArgumentException("unknown connector: " + applicationId);
        }
        return c;
    }

    private String endpointUrl(Connector c) {
        return baseUri + "/" + c.cluster + "/";
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
