package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 429, 5xx, 308, dropped connections, stalls and pacing, as the simulator scripts them. */
class ResilienceTest extends KaizalaTestSupport {

    private static final String MESSAGES = "/groups/.*/messages";

    @Override
    protected void configure(KaizalaConfiguration configuration) {
        super.configure(configuration);
        configuration.setRetryInitialDelay(20);
        configuration.setRetryMaxDelay(100);
        configuration.setMaxRetryAfter(5000);
    }

    private Exchange sendText(String uri, String text) {
        return template.send(uri, e -> e.getMessage().setBody(text));
    }

    private List<Integer> statuses(String method, String path) {
        return simulator.journal().matching(method, path).stream().map(RecordedRequest::status).toList();
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndSentAgain() {
        String groupId = newGroup("429");
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(429).retryAfter("1"));

        long start = System.nanoTime();
        Exchange exchange = sendText("kaizala:messages?groupId=" + groupId, "patience");

        assertThat(exchange.getException()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(statuses("POST", MESSAGES)).containsExactly(429, 200);
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonoured() {
        String groupId = newGroup("429 date");
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.now().plusSeconds(2).atZone(ZoneOffset.UTC));
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(429).retryAfter(inTwoSeconds));

        long start = System.nanoTime();
        assertThat(sendText("kaizala:messages?groupId=" + groupId, "dated").getException()).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(statuses("POST", MESSAGES)).containsExactly(429, 200);
    }

    @Test
    void aRetryAfterPastTheCapFailsAtOnceCarryingIt() {
        String groupId = newGroup("429 long");
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(429).retryAfter("120"));

        long start = System.nanoTime();
        Exchange exchange = sendText("kaizala:messages?groupId=" + groupId, "too long to wait");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        KaizalaApiException error = exchange.getException(KaizalaApiException.class);
        assertThat(error.getStatusCode()).isEqualTo(429);
        assertThat(error.getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(error.getMessage()).contains("HTTP 429 (retry after 120 s)");
        assertThat(statuses("POST", MESSAGES)).containsExactly(429);
    }

    @Test
    void retriesStopAtTheLimit() {
        String groupId = newGroup("429 forever");
        simulator.faults().next(10, "POST", MESSAGES, Fault.status(429).retryAfter("0"));

        Exchange exchange = sendText("kaizala:messages?maxRetries=2&groupId=" + groupId, "never");

        assertThat(exchange.getException(KaizalaApiException.class).getStatusCode()).isEqualTo(429);
        assertThat(statuses("POST", MESSAGES)).containsExactly(429, 429, 429);
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).isEmpty();
    }

    @Test
    void a503WithRetryAfterIsRetriedButA5xxOnAPostIsNot() {
        String groupId = newGroup("503");
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(503).retryAfter("0"));
        assertThat(sendText("kaizala:messages?groupId=" + groupId, "after 503").getException()).isNull();
        assertThat(statuses("POST", MESSAGES)).containsExactly(503, 200);

        simulator.journal().clear();
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(503));
        assertThat(sendText("kaizala:messages?groupId=" + groupId, "503 without Retry-After").getException())
                .isInstanceOf(KaizalaApiException.class);
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(500));
        assertThat(sendText("kaizala:messages?groupId=" + groupId, "500").getException(KaizalaApiException.class)
                .getStatusCode()).isEqualTo(500);
        assertThat(statuses("POST", MESSAGES)).containsExactly(503, 500);
    }

    @Test
    void aGetIsRetriedOn5xxAndOnALostAnswer() {
        simulator.faults().next(1, "GET", "/groups", Fault.status(500));
        simulator.faults().next(1, "GET", "/groups", Fault.reset());
        simulator.faults().next(1, "GET", "/groups", Fault.status(502));

        Exchange exchange = sendText("kaizala:groups/list", null);

        assertThat(exchange.getException()).isNull();
        assertThat(statuses("GET", "/groups")).containsExactly(500, -1, 502, 200);
    }

    @Test
    void aDroppedConnectionOnAPostFailsTheExchangeWithoutARetry() {
        String groupId = newGroup("Reset");
        simulator.faults().next(1, "POST", MESSAGES, Fault.reset());

        Exchange exchange = sendText("kaizala:messages?groupId=" + groupId, "lost?");

        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class)
                .hasMessageStartingWith("Kaizala messages/send got no answer")
                .hasCauseInstanceOf(IOException.class);
        assertThat(statuses("POST", MESSAGES)).containsExactly(-1);
    }

    @Test
    void aStalledServerFailsTheExchangeWithinTheResponseTimeout() {
        String groupId = newGroup("Stall");
        simulator.faults().next(1, "POST", MESSAGES, Fault.stall(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        Exchange exchange = sendText("kaizala:messages?responseTimeout=400&groupId=" + groupId, "slow");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class).hasMessageContaining("got no answer");
        assertThat(simulator.journal().count("POST", MESSAGES)).isEqualTo(1);

        simulator.faults().next(1, "GET", "/groups", Fault.stall(Duration.ofSeconds(5)));
        assertThat(sendText("kaizala:groups/list?responseTimeout=400", null).getException()).isNull();
        assertThat(simulator.journal().count("GET", "/groups")).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetriedThenFailsWithItsCause() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Exchange exchange = sendText(
                "kaizala:messages?groupId=g&accessToken=RAW(fixed)&endpointUrl=http://127.0.0.1:" + closed
                        + "&maxRetries=2",
                "nobody home");

        assertThat(exchange.getException()).isInstanceOf(KaizalaException.class);
        assertThat(exchange.getException()).rootCause().isInstanceOf(ConnectException.class);
    }

    @Test
    void aRelocationDuringABurstLosesNothing() throws Exception {
        String groupId = newGroup("Moving");
        simulator.faults().next(3, "POST", MESSAGES, Fault.relocate());

        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String text = "moving " + i;
            sent.add(template.asyncSend("kaizala:messages?groupId=" + groupId, e -> e.getMessage().setBody(text)));
        }
        for (CompletableFuture<Exchange> future : sent) {
            assertThat(future.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(30);
    }

    @Test
    void pacingKeepsEveryWindowUnderTheLimitAcrossEndpointsOfAConnector() throws Exception {
        String one = newGroup("Paced one");
        String two = newGroup("Paced two");
        // a connector of its own, so that its limit is not shared with the other tests' endpoints
        simulator.registerConnector("paced-connector", "paced-secret", "paced-refresh");
        String options = "&applicationId=paced-connector&applicationSecret=RAW(paced-secret)&refreshToken=RAW(paced-refresh)"
                + "&rateLimit=5&rateLimitPeriod=500";

        // the first call fetches the connector's token; the paced burst starts after it
        assertThat(sendText("kaizala:messages?groupId=" + one + options, "warm-up").getException()).isNull();
        Thread.sleep(600);
        simulator.journal().clear();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String group = i % 2 == 0 ? one : two;
            String text = "paced " + i;
            sent.add(template.asyncSend("kaizala:messages?groupId=" + group + options,
                    e -> e.getMessage().setBody(text)));
        }
        for (CompletableFuture<Exchange> future : sent) {
            assertThat(future.get(10, TimeUnit.SECONDS).getException()).isNull();
        }

        List<Instant> times = simulator.journal().matching("POST", MESSAGES).stream().map(RecordedRequest::receivedAt)
                .sorted().toList();
        assertThat(times).hasSize(15);
        for (int i = 5; i < times.size(); i++) {
            // the sixth call after any call starts a window later; the server's clock sees it with some jitter, but
            // an unpaced burst would put all 15 within a few milliseconds
            assertThat(Duration.between(times.get(i - 5), times.get(i))).isGreaterThan(Duration.ofMillis(250));
        }
        assertThat(Duration.between(times.get(0), times.get(14))).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void theRetryAfterReachesCamelsRedelivery() throws Exception {
        String groupId = newGroup("Redelivery");
        simulator.faults().next(1, "POST", MESSAGES, Fault.status(429).retryAfter("1"));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {

            @Override
            public void configure() {
                onException(KaizalaApiException.class)
                        .onWhen(simple("${exception.retryAfter} != null"))
                        .maximumRedeliveries(2).redeliveryDelay(10)
                        .onExceptionOccurred(exchange -> exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY,
                                exchange.getException(KaizalaApiException.class).getRetryAfter().toMillis()));
                from("direct:redelivered").to("kaizala:messages?maxRetries=0&groupId=" + groupId);
            }
        });

        long start = System.nanoTime();
        Exchange exchange = template.send("direct:redelivered", e -> e.getMessage().setBody("redelivered"));

        assertThat(exchange.getException()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(statuses("POST", MESSAGES)).containsExactly(429, 200);
    }
}
