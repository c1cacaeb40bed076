package org.apache.camel.component.kaizala;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens and the resource base, as the simulator sees them. Each test gets a fresh simulator and context. */
class TokenFlowTest {

    private KaizalaSimulator simulator;
    private CamelContext context;
    private ProducerTemplate template;
    private String groupId;

    @BeforeEach
    void start() {
        simulator = KaizalaSimulator.builder().accessTokenTtl(Duration.ofHours(1)).start();
        groupId = simulator.state().createGroup("Tokens").id();
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        simulator.close();
    }

    private void startCamel(KaizalaConfiguration options) {
        context = new DefaultCamelContext();
        KaizalaComponent kaizala = new KaizalaComponent();
        kaizala.setConfiguration(options);
        context.addComponent("kaizala", kaizala);
        context.start();
        template = context.createProducerTemplate();
    }

    private KaizalaConfiguration defaultConnector() {
        KaizalaConfiguration options = new KaizalaConfiguration();
        options.setAuthUrl(simulator.authUrl());
        options.setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        options.setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        options.setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        options.setRateLimit(0);
        return options;
    }

    private Exchange send(String text) {
        return template.send("kaizala:messages?groupId=" + groupId, e -> e.getMessage().setBody(text));
    }

    private List<Exchange> sendConcurrently(int count) throws Exception {
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = "message " + i;
            futures.add(template.asyncSend("kaizala:messages?groupId=" + groupId, e -> e.getMessage().setBody(text)));
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (CompletableFuture<Exchange> future : futures) {
            exchanges.add(future.get(30, TimeUnit.SECONDS));
        }
        return exchanges;
    }

    @Test
    void twoHundredConcurrentExchangesCauseExactlyOneTokenRequest() throws Exception {
        startCamel(defaultConnector());

        List<Exchange> exchanges = sendConcurrently(200);

        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(simulator.journal().count("GET", "/accessToken")).isEqualTo(1);
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(200);
        assertThat(simulator.journal().matching("POST", "/groups/.*/messages"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void theTokenRequestCarriesTheConnectorCredentials() {
        startCamel(defaultConnector());

        send("hello");

        var tokenRequest = simulator.journal().matching("GET", "/accessToken").get(0);
        assertThat(tokenRequest.path()).isEqualTo("/v1/accessToken");
        assertThat(tokenRequest.header("applicationId")).isEqualTo(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(tokenRequest.header("applicationSecret")).isEqualTo(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        assertThat(tokenRequest.header("refreshToken")).isEqualTo(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        var post = simulator.journal().matching("POST", "/groups/.*/messages").get(0);
        assertThat(post.cluster()).isNotNull();
        assertThat(simulator.endpointUrl()).contains("/" + post.cluster());
    }

    @Test
    void anExpiringTokenIsRenewedOnceWithoutFailingAnExchange() throws Exception {
        simulator.close();
        simulator = KaizalaSimulator.builder().accessTokenTtl(Duration.ofMillis(1500)).start();
        groupId = simulator.state().createGroup("Short tokens").id();
        startCamel(defaultConnector());

        assertThat(sendConcurrently(20)).allSatisfy(e -> assertThat(e.getException()).isNull());
        Thread.sleep(1600);
        assertThat(sendConcurrently(20)).allSatisfy(e -> assertThat(e.getException()).isNull());

        assertThat(simulator.journal().count("GET", "/accessToken")).isEqualTo(2);
        assertThat(simulator.journal().matching("POST", "/groups/.*/messages"))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void aRefusedTokenCostsOneRefreshAndOneRetry() throws Exception {
        startCamel(defaultConnector());
        assertThat(send("first").getException()).isNull();

        simulator.expireAccessTokens();
        List<Exchange> exchanges = sendConcurrently(10);

        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(simulator.journal().count("GET", "/accessToken")).isEqualTo(2);
        long refused = simulator.journal().matching("POST", "/groups/.*/messages").stream()
                .filter(r -> r.status() == 401).count();
        assertThat(refused).isBetween(1L, 10L);
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(11);
    }

    @Test
    void aRelocationSwitchesTheBaseForLaterCalls() {
        startCamel(defaultConnector());
        assertThat(send("before").getException()).isNull();
        String oldCluster = simulator.journal().matching("POST", "/groups/.*/messages").get(0).cluster();

        String newBase = simulator.relocate(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(send("during").getException()).isNull();
        assertThat(send("after").getException()).isNull();

        var posts = simulator.journal().matching("POST", "/groups/.*/messages");
        assertThat(posts).extracting(r -> r.status()).containsExactly(200, 308, 200, 200);
        assertThat(posts.get(1).cluster()).isEqualTo(oldCluster);
        assertThat(posts.get(2).cluster()).isNotEqualTo(oldCluster);
        assertThat(newBase).contains("/" + posts.get(2).cluster());
        assertThat(posts.get(3).cluster()).isEqualTo(posts.get(2).cluster());
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(3);
    }

    @Test
    void aScriptedRelocationIsFollowedWithTheSameBody() {
        startCamel(defaultConnector());

        simulator.faults().next(1, "POST", "/groups/.*/messages", Fault.relocate());
        assertThat(send("moved").getException()).isNull();

        var posts = simulator.journal().matching("POST", "/groups/.*/messages");
        assertThat(posts).extracting(r -> r.status()).containsExactly(308, 200);
        assertThat(posts.get(1).body()).isEqualTo(posts.get(0).body());
        assertThat(posts.get(1).cluster()).isNotEqualTo(posts.get(0).cluster());
    }

    @Test
    void anExplicitEndpointUrlWinsOverTheTokenAnswer() {
        KaizalaConfiguration options = defaultConnector();
        String explicit = simulator.relocate(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        options.setEndpointUrl(explicit);
        startCamel(options);

        assertThat(send("explicit").getException()).isNull();

        var posts = simulator.journal().matching("POST", "/groups/.*/messages");
        assertThat(posts).extracting(r -> r.status()).containsExactly(200);
        assertThat(explicit).contains("/" + posts.get(0).cluster());
    }

    @Test
    void aFixedAccessTokenSkipsTheTokenService() {
        KaizalaConfiguration options = new KaizalaConfiguration();
        options.setAccessToken(simulator.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID));
        options.setEndpointUrl(simulator.endpointUrl());
        startCamel(options);

        assertThat(send("fixed").getException()).isNull();
        simulator.expireAccessTokens();
        Exchange refused = send("expired");

        assertThat(simulator.journal().count("GET", "/accessToken")).isZero();
        assertThat(refused.getException()).isInstanceOf(KaizalaApiException.class);
        assertThat(((KaizalaApiException) refused.getException()).getStatusCode()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsFailWithTheTokenServiceAnswer() {
        KaizalaConfiguration options = defaultConnector();
        options.setApplicationSecret("not-the-secret");
        startCamel(options);

        Exchange exchange = send("hello");

        assertThat(exchange.getException()).isInstanceOf(KaizalaApiException.class);
        KaizalaApiException error = (KaizalaApiException) exchange.getException();
        assertThat(error.getStatusCode()).isEqualTo(401);
        assertThat(error.getOperation()).isEqualTo("auth/accessToken");
        assertThat(simulator.journal().count("POST", "/groups/.*/messages")).isZero();
    }

    @Test
    void aRotatedRefreshTokenIsStoredAndSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.properties");
        KaizalaConfiguration options = defaultConnector();
        options.setTokenStore(new FileKaizalaTokenStore(file));
        startCamel(options);
        String rotated = simulator.rotateRefreshToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);

        assertThat(send("rotates").getException()).isNull();
        context.close();
        simulator.expireAccessTokens();

        // a new application with the same configuration: the configured refresh token no longer works
        KaizalaConfiguration restarted = defaultConnector();
        restarted.setTokenStore(new FileKaizalaTokenStore(file));
        startCamel(restarted);
        assertThat(send("after restart").getException()).isNull();

        var tokenRequests = simulator.journal().matching("GET", "/accessToken");
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests.get(1).header("refreshToken")).isEqualTo(rotated);
        assertThat(tokenRequests.get(1).status()).isEqualTo(200);
        assertThat(file).exists();
    }

    @Test
    void withoutAPersistentStoreARestartPresentsTheDeadToken() throws Exception {
        KaizalaConfiguration options = defaultConnector();
        startCamel(options);
        simulator.rotateRefreshToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(send("rotates").getException()).isNull();
        context.close();

        startCamel(defaultConnector()); // a new component: a new in-memory store
        Exchange exchange = send("after restart");

        assertThat(exchange.getException()).isInstanceOf(KaizalaApiException.class);
        assertThat(simulator.journal().matching("GET", "/accessToken").get(1).status()).isEqualTo(401);
    }

    @Test
    void theSameConnectorSharesOneTokenAcrossEndpoints() {
        startCamel(defaultConnector());
        String other = simulator.state().createGroup("Other").id();

        assertThat(send("one").getException()).isNull();
        assertThat(template.send("kaizala:messages/send?groupId=" + other, e -> e.getMessage().setBody("two"))
                .getException()).isNull();

        assertThat(simulator.journal().count("GET", "/accessToken")).isEqualTo(1);
    }

    @Test
    void headersMatchingNoOptionDoNotLeakIntoTheRequest() {
        startCamel(defaultConnector());
        template.send("kaizala:messages?groupId=" + groupId, e -> {
            e.getMessage().setBody("headers");
            e.getMessage().setHeaders(Map.of("X-Custom", "value", "accessToken", "user-header"));
        });
        var post = simulator.journal().matching("POST", "/groups/.*/messages").get(0);
        assertThat(post.header("X-Custom")).isNull();
        assertThat(post.header("accessToken")).isNotEqualTo("user-header");
    }
}
