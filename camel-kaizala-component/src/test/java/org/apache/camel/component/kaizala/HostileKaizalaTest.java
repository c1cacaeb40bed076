package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.component.kaizala.internal.wire.KaizalaClient;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile or broken Kaizala, played by {@link FakeKaizala} (not the simulator): foreign, relative and downgraded
 * {@code Location}s, rotating and retiring refresh tokens, a failing token store, trickled, huge and malformed
 * answers, error bodies in the real service's shape. Each test is named after the rule it defends, and every exchange
 * must complete within a bound.
 */
class HostileKaizalaTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String SEND = "kaizala:messages?groupId=g1";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private FakeKaizala fake() throws IOException {
        FakeKaizala fake = new FakeKaizala();
        resources.add(fake);
        return fake;
    }

    /** A started context whose kaizala component talks to {@code fake}, with {@code options} applied, and routes. */
    private CamelContext context(FakeKaizala fake, Consumer<KaizalaConfiguration> options, String... routedUris)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        KaizalaComponent kaizala = new KaizalaComponent();
        fake.configure(kaizala.getConfiguration());
        options.accept(kaizala.getConfiguration());
        context.addComponent("kaizala", kaizala);
        context.getShutdownStrategy().setTimeout(2);
        for (int i = 0; i < routedUris.length; i++) {
            String from = "direct:r" + i;
            String to = routedUris[i];
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from(from).to(to);
                }
            });
        }
        resources.add(context);
        context.start();
        return context;
    }

    private static Exchange send(CamelContext context, String uri, Object body) {
        return ExchangesComplete.send(context.createProducerTemplate(), uri, body, BOUND);
    }

    // 1. A 308 cannot send the token anywhere

    /** Answers the first call with a 308 to {@code location}, and every later one as usual. */
    private static FakeKaizala.Answer movedOnceTo(String location) {
        AtomicInteger calls = new AtomicInteger();
        return exchange -> {
            if (calls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().set("Location", location);
                FakeKaizala.json(exchange, 308, "{}");
            } else {
                FakeKaizala.json(exchange, 200, "{\"referenceId\":\"ref-2\"}");
            }
        };
    }

    @Test
    void a308ToAForeignHostIsRefusedAndTheConnectorStaysWhereItWas() throws Exception {
        FakeKaizala home = fake();
        FakeKaizala foreign = fake();
        foreign.acceptAnyAccessToken = true;
        String location = foreign.otherHostBase() + "/v1";
        home.resource = movedOnceTo(location);
        CamelContext context = context(home, c -> {
        });

        Exchange moved = send(context, SEND, "hello");
        Exchange next = send(context, SEND, "again");

        KaizalaApiException refused = moved.getException(KaizalaApiException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.getStatusCode()).isEqualTo(308);
        assertThat(refused.getMessage()).contains("refused to follow the redirect to " + location)
                .contains("redirectAllowedHosts");
        assertThat(foreign.journal()).as("what the foreign host received").isEmpty();
        assertThat(next.getException()).isNull();
        assertThat(home.resourceCalls()).hasSize(2);
    }

    @Test
    void aRelative308IsRefusedAndTheConnectorStaysWhereItWas() throws Exception {
        FakeKaizala home = fake();
        home.resource = movedOnceTo("/elsewhere/v1");
        CamelContext context = context(home, c -> {
        });

        Exchange moved = send(context, SEND, "hello");
        Exchange next = send(context, SEND, "again");

        assertThat(moved.getException(KaizalaApiException.class)).isNotNull();
        assertThat(moved.getException().getMessage()).contains("/elsewhere").contains("not an absolute URL");
        assertThat(next.getException()).isNull();
    }

    @Test
    void a308IsFollowedOnlyToHttpsOnTheCurrentOrAnAllowedHost() {
        List<String> kaizala = List.of("kaiza.la", "*.kaiza.la");
        assertThat(KaizalaClient.refusedRelocation("https://kms-in.kaiza.la", "http://kms-in.kaiza.la/v1", kaizala))
                .contains("downgrades https to http");
        assertThat(KaizalaClient.refusedRelocation("https://kms-in.kaiza.la", "https://evil.example/v1", kaizala))
                .contains("evil.example");
        assertThat(KaizalaClient.refusedRelocation("https://kms-in.kaiza.la", "https://kaiza.la.evil.example", kaizala))
                .isNotNull();
        assertThat(KaizalaClient.refusedRelocation("https://kms-in.kaiza.la", "ftp://kms-in.kaiza.la", kaizala))
                .isNotNull();
        assertThat(KaizalaClient.refusedRelocation("https://kms-in.kaiza.la", "https://u:p@kms-eu.kaiza.la", kaizala))
                .isNotNull();
        assertThat(KaizalaClient.refusedRelocation("https://kms-in.kaiza.la", "https://kms-eu.kaiza.la/v1", kaizala))
                .isNull();
        assertThat(KaizalaClient.refusedRelocation("https://x.example", "https://x.example:8443/v1", List.of()))
                .isNull();
        assertThat(KaizalaClient.refusedRelocation("http://127.0.0.1:1", "http://127.0.0.1:2/v1", List.of())).isNull();
    }

    @Test
    void a308ToAnAllowedHostMovesTheConnector() throws Exception {
        FakeKaizala home = fake();
        FakeKaizala next = fake();
        next.acceptAnyAccessToken = true;
        home.resource = exchange -> {
            exchange.getResponseHeaders().set("Location", next.otherHostBase() + "/v1");
            FakeKaizala.json(exchange, 308, "{}");
        };
        CamelContext context = context(home, c -> c.setRedirectAllowedHosts("kaiza.la, localhost"));

        assertThat(send(context, SEND, "one").getException()).isNull();
        assertThat(send(context, SEND, "two").getException()).isNull();

        assertThat(home.resourceCalls()).hasSize(1);
        assertThat(next.resourceCalls()).hasSize(2);
    }

    // 2. One connector, one token state

    @Test
    void oneConnectorHasOneTokenStateAcrossEndpointsThatDifferInAnyOtherOption() throws Exception {
        FakeKaizala fake = fake();
        fake.rotate = true;
        fake.singleUseAccessTokens = true;
        String[] variants = {
                "", "connectTimeout=14000", "responseTimeout=59000", "requestTimeout=119000", "maxRetries=2",
                "maxRetryAfter=59000", "retryInitialDelay=30", "retryMaxDelay=40", "rateLimit=99",
                "rateLimitPeriod=59000", "rateLimitMaxWait=119000", "maxResponseSize=1000000",
                "redirectAllowedHosts=kaiza.la", "allPages=true", "groupId=g2"};
        String[] uris = Stream.of(variants).map(v -> SEND + (v.isEmpty() ? "" : "&" + v)).toArray(String[]::new);
        CamelContext context = context(fake, c -> {
        }, uris);

        for (int round = 0; round < 2; round++) { // every endpoint meets a refresh token another one rotated
            for (int i = 0; i < uris.length; i++) {
                Exchange exchange = send(context, "direct:r" + i, "round " + round);
                assertThat(exchange.getException()).as(uris[i]).isNull();
            }
        }
        assertThat(fake.tokenFetches()).isEqualTo(2 * uris.length);
    }

    @Test
    void endpointsOfOneConnectorThatDisagreeOnItsTokenStateAreRefusedClearly() throws Exception {
        FakeKaizala fake = fake();
        CamelContext context = context(fake, c -> {
        });
        assertThat(send(context, SEND, "first").getException()).isNull();

        Exchange other = send(context, SEND + "&applicationSecret=RAW(another-secret)", "second");

        assertThat(other.getException()).hasStackTraceContaining("set different values of applicationSecret")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("another-secret"));
    }

    // 3. A rotated refresh token is never lost

    /** A store whose first writes fail. */
    static final class FailingStore implements KaizalaTokenStore {

        final Map<String, String> tokens = new ConcurrentHashMap<>();
        final AtomicInteger failures;

        FailingStore(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public String loadRefreshToken(String key) {
            return tokens.get(key);
        }

        @Override
        public void storeRefreshToken(String key, String refreshToken) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("disk full");
            }
            tokens.put(key, refreshToken);
        }
    }

    @Test
    void aRotatedRefreshTokenIsNeverLostWhenTheStoreFails() throws Exception {
        FakeKaizala fake = fake();
        fake.rotate = true;
        fake.singleUseAccessTokens = true;
        FailingStore store = new FailingStore(1);
        String log;
        HealthCheck.Result health;
        try (LogCapture capture = new LogCapture()) {
            CamelContext context = context(fake, c -> c.setTokenStore(store));
            assertThat(send(context, SEND, "rotates, store fails").getException()).isNull();
            health = healthOf(context);
            assertThat(send(context, SEND, "rotates again, store works").getException()).isNull();
            log = capture.text();
            context.stop();
        }
        assertThat(health.getDetails()).containsKey("kaizala.tokenStore.failure");
        assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("token store"));
        assertThat(log).contains("could not be written");
        assertThat(fake.secrets()).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
        assertThat(store.tokens.values()).containsExactly(fake.validRefreshToken);

        CamelContext restarted = context(fake, c -> c.setTokenStore(store));
        assertThat(send(restarted, SEND, "after a restart").getException()).isNull();
    }

    private static HealthCheck.Result healthOf(CamelContext context) {
        KaizalaEndpoint endpoint = context.getEndpoint(SEND, KaizalaEndpoint.class);
        KaizalaHealthCheck check = new KaizalaHealthCheck(endpoint,
                endpoint.getComponent().client(endpoint.getConfiguration()), "test");
        check.setCamelContext(context);
        return check.call();
    }

    @Test
    void twoFileStoresOnOneFileKeepEachOthersTokens(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.properties");
        FileKaizalaTokenStore one = new FileKaizalaTokenStore(file);
        FileKaizalaTokenStore two = new FileKaizalaTokenStore(file.toString());
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> writeMany(one, "a"));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> writeMany(two, "b"));
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);

        FileKaizalaTokenStore reader = new FileKaizalaTokenStore(file);
        for (int i = 0; i < 40; i++) {
            assertThat(reader.loadRefreshToken("a" + i)).isEqualTo("token-a" + i);
            assertThat(reader.loadRefreshToken("b" + i)).isEqualTo("token-b" + i);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private static void writeMany(FileKaizalaTokenStore store, String prefix) {
        for (int i = 0; i < 40; i++) {
            store.storeRefreshToken(prefix + i, "token-" + prefix + i);
        }
    }

    @Test
    void aFailedFileStoreWriteLeavesNoTemporaryFileAndNamesNoToken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.properties");
        Files.createDirectories(file.resolve("in-the-way")); // the target is a non-empty directory: the move fails
        FileKaizalaTokenStore store = new FileKaizalaTokenStore(file);

        assertThatThrownBy(() -> store.storeRefreshToken("key", "secret-refresh-token"))
                .hasMessageContaining("Cannot")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("secret-refresh-token"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    // 5. Every exchange completes

    @Test
    void aPageReaderThatThrowsFailsTheListingInsteadOfHangingIt() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> FakeKaizala.json(exchange, 200, "{\"actions\":[null],\"hasMore\":true}");
        CamelContext context = context(fake, c -> {
        });

        Exchange exchange = send(context, "kaizala:actions/list?groupId=g1&actionType=Survey&allPages=true", null);

        assertThat(exchange.getException()).isNotNull();
    }

    @Test
    void aMalformedAuthUrlIsRefusedAtStartInsteadOfHangingEveryExchange() {
        CamelContext context = new DefaultCamelContext();
        resources.add(context);
        KaizalaComponent kaizala = new KaizalaComponent();
        kaizala.getConfiguration().setAuthUrl("http://127.0.0.1:1/v 1");
        kaizala.getConfiguration().setApplicationId("a");
        kaizala.getConfiguration().setApplicationSecret("s");
        kaizala.getConfiguration().setRefreshToken("r");
        context.addComponent("kaizala", kaizala);

        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:a").to(SEND);
                }
            });
            context.start();
        }).hasStackTraceContaining("authUrl is not an absolute http(s) URL")
                .hasStackTraceContaining("https://api.kaiza.la/v1");
    }

    @Test
    void stoppingTheContextFailsExchangesWaitingInTheRateLimiter() throws Exception {
        FakeKaizala fake = fake();
        CamelContext context = context(fake, c -> {
            c.setRateLimit(1);
            c.setRateLimitPeriod(60_000);
        });
        ProducerTemplate template = context.createProducerTemplate();
        assertThat(send(context, SEND, "first").getException()).isNull();
        CompletableFuture<Exchange> waiting = template.asyncSend(SEND, e -> e.getMessage().setBody("second"));
        Thread.sleep(200);

        context.stop();

        Exchange exchange = waiting.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class)
                .hasMessageContaining("stopped while the exchange waited for a slot under the rate limit");
        assertThat(fake.resourceCalls()).hasSize(1);
    }

    @Test
    void stoppingTheContextFailsExchangesWaitingOutARetryAfter() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "50");
            FakeKaizala.json(exchange, 429, "{}");
        };
        CamelContext context = context(fake, c -> {
        });
        CompletableFuture<Exchange> waiting = context.createProducerTemplate()
                .asyncSend(SEND, e -> e.getMessage().setBody("patient"));
        Thread.sleep(500);

        context.stop();

        Exchange exchange = waiting.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class)
                .hasMessageContaining("stopped while the exchange waited for retry 1 of messages/send");
    }

    // 7. Bounded resources

    @Test
    void aTricklingAnswerFailsAtTheRequestTimeout() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"referenceId\":".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) { // a byte every 100 ms: never idle long enough for responseTimeout
                out.write(' ');
                out.flush();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        };
        CamelContext context = context(fake, c -> {
            c.setRequestTimeout(1500);
            c.setResponseTimeout(10_000);
        });

        long start = System.nanoTime();
        Exchange exchange = send(context, SEND, "slowly");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(exchange.getException()).hasMessageContaining("requestTimeout (1500 ms)");
        assertThat(fake.resourceCalls()).as("a POST is not sent twice").hasSize(1);
    }

    @Test
    void anAnswerJustInsideTheRequestTimeoutIsTaken() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> {
            try {
                Thread.sleep(700); // a slow answer, but within requestTimeout: the deadline must not end it early
            } catch (InterruptedException e) {
                return;
            }
            FakeKaizala.json(exchange, 200, "{\"referenceId\":\"in-time\"}");
        };
        CamelContext context = context(fake, c -> c.setRequestTimeout(1000));

        Exchange exchange = send(context, SEND, "slow but in time");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(KaizalaConstants.REFERENCE_ID)).isEqualTo("in-time");
    }

    @Test
    void aHugeAnswerFailsAtMaxResponseSize() throws Exception {
        FakeKaizala fake = fake();
        String huge = "{\"actions\":[],\"padding\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        fake.resource = exchange -> FakeKaizala.json(exchange, 200, huge);
        CamelContext context = context(fake, c -> c.setMaxResponseSize(1024 * 1024));

        Exchange exchange = send(context, "kaizala:actions/list?groupId=g1&actionType=Survey", null);

        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class)
                .hasMessageContaining("larger than maxResponseSize (1048576 bytes)");
    }

    @Test
    void aMalformedAnswerFailsClearly() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> FakeKaizala.json(exchange, 200, "{\"referenceId\": [unclosed");
        CamelContext context = context(fake, c -> {
        });

        Exchange exchange = send(context, SEND, "hello");

        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class).hasMessageContaining("messages/send");
    }

    @Test
    void aCallThatWouldWaitLongerThanRateLimitMaxWaitFailsSayingSo() throws Exception {
        FakeKaizala fake = fake();
        CamelContext context = context(fake, c -> {
            c.setRateLimit(1);
            c.setRateLimitPeriod(60_000);
            c.setRateLimitMaxWait(500);
        });
        assertThat(send(context, SEND, "first").getException()).isNull();

        long start = System.nanoTime();
        Exchange second = send(context, SEND, "second");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(second.getException()).isInstanceOf(KaizalaException.class)
                .hasMessageContaining("longer than rateLimitMaxWait (500 ms)");
        assertThat(fake.resourceCalls()).hasSize(1);
    }

    // Issue 15: Kaizala's error body

    @Test
    void errorCodeAndCategoryAreReadFromTheServicesErrorBody() throws Exception {
        FakeKaizala fake = fake();
        fake.validRefreshToken = "another";
        CamelContext context = context(fake, c -> {
        });

        KaizalaApiException error = send(context, SEND, "hello").getException(KaizalaApiException.class);

        assertThat(error.getErrorCode()).isEqualTo("InvalidToken");
        assertThat(error.getErrorCategoryKey()).isEqualTo("AuthException");
    }

    @Test
    void errorCodeIsReadFromTheSimulatorsErrorBodyToo() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> FakeKaizala.json(exchange, 404,
                "{\"errorCode\":\"GroupNotFound\",\"message\":\"no group g1\"}");
        CamelContext context = context(fake, c -> {
        });

        KaizalaApiException error = send(context, SEND, "hello").getException(KaizalaApiException.class);

        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getErrorCode()).isEqualTo("GroupNotFound");
        assertThat(error.getErrorCategoryKey()).isNull();
    }

    // Issue 14: errors that say what to do

    @Test
    void anAuthUrlWithoutV1IsNamedWithAnExample() throws Exception {
        FakeKaizala fake = fake();
        CamelContext context = context(fake, c -> c.setAuthUrl(fake.base()));

        Exception error = send(context, SEND, "hello").getException();

        assertThat(error).hasMessageContaining("authUrl must include /v1, e.g. authUrl=https://api.kaiza.la/v1");
    }

    @Test
    void wrongCredentialsNameTheOptions() throws Exception {
        FakeKaizala fake = fake();
        CamelContext context = context(fake, c -> c.setApplicationSecret("not-the-secret"));

        Exception error = send(context, SEND, "hello").getException();

        assertThat(error).isInstanceOf(KaizalaApiException.class)
                .hasMessageContaining("check the applicationId, applicationSecret and refreshToken options");
    }

    @Test
    void a503OnAPostSaysWhyItIsNotRetriedAndWhatToDo() throws Exception {
        FakeKaizala fake = fake();
        fake.resource = exchange -> FakeKaizala.json(exchange, 503, "{\"message\":\"busy\"}");
        CamelContext context = context(fake, c -> {
        });

        Exception error = send(context, SEND, "hello").getException();

        assertThat(error).hasMessageContaining("not retried, because Kaizala may have processed the POST")
                .hasMessageContaining("maximumRedeliveries");
        assertThat(fake.resourceCalls()).hasSize(1);
    }
}
