package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's secrets — the callback token, forged tokens presented to it, the access tokens it subscribes with —
 * appear in no log line at TRACE (but HttpClient's wire log), no endpoint as Camel prints it, no event the route sees;
 * on the {@code webhook:kaizala:events} path too, and when the subscription fails.
 */
class ConsumerSecretsTest extends EventsTestSupport {

    private static final String SECRET_TOKEN = "cb-secret-7f3a9c1e5b2d";
    private static final String FORGED_TOKEN = "forged-token-0d9e8f7a";
    private LogCapture capture;
    private String groupId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Consumer secrets");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("kaizala:events?groupId=" + groupId + "&webhookExternalUrl=http://127.0.0.1:" + port
                        + "&allowInsecureWebhookUrl=true")
                        .routeId("secret-events").log("event headers: ${headers}").to("mock:events");
            }
        };
    }

    /** As the docs recommend: the token on the component, not in the URI (Camel core logs URIs as written at TRACE). */
    @Override
    protected void configure(KaizalaConfiguration configuration) {
        super.configure(configuration);
        configuration.setCallbackToken(SECRET_TOKEN);
    }

    @Override
    protected void doPreSetup() {
        capture = new LogCapture();
    }

    /** A test that failed before it closed its capture must not leave TRACE logging on for the next one. */
    @AfterEach
    void closeCapture() {
        if (capture != null) {
            capture.close();
            capture = null;
        }
    }

    @Test
    void noTokenAppearsInLogsEndpointsOrEvents() throws Exception {
        String callback = callbackUrl(groupId);
        String event = "{\"objectId\":\"" + groupId
                + "\",\"objectType\":\"Group\",\"eventType\":\"TextMessageCreated\","
                + "\"eventId\":\"%s\",\"data\":{\"text\":\"hi\"}}";
        getMockEndpoint("mock:events").expectedMessageCount(2);
        assertThat(post(callback, event.formatted("s1"), Map.of("kz-callback-token", SECRET_TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(post(callback, event.formatted("s2"), Map.of("kz-callback-token", FORGED_TOKEN)).statusCode())
                .isEqualTo(401);
        assertThat(post(callback, "{broken " + SECRET_TOKEN, Map.of("kz-callback-token", SECRET_TOKEN)).statusCode())
                .isEqualTo(400);
        simulator.human("+15550100021").join(groupId);
        simulator.human("+15550100021").postText(groupId, "from the simulator");
        getMockEndpoint("mock:events").assertIsSatisfied();
        List<String> printed = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            printed.add(endpoint.toString());
        }
        printed.add(context.getRoute("secret-events").toString());
        getMockEndpoint("mock:events").getReceivedExchanges()
                .forEach(e -> printed.add(e.getMessage().getHeaders().toString()));
        context.stop();
        String log = capture.text();
        closeCapture();

        List<String> secrets = new ArrayList<>(List.of(SECRET_TOKEN, FORGED_TOKEN));
        for (RecordedRequest request : simulator.journal().all()) {
            if (request.header("accessToken") != null) {
                secrets.add(request.header("accessToken"));
            }
        }
        assertThat(log).contains("Refused a delivery").contains("Created Kaizala webhook");
        List<String> leaks = new ArrayList<>(
                log.lines().filter(line -> secrets.stream().anyMatch(line::contains)).toList());
        printed.stream().filter(text -> secrets.stream().anyMatch(text::contains)).forEach(leaks::add);
        assertThat(leaks).as("log lines and printed texts holding a secret").isEmpty();
    }

    /**
     * Through camel-webhook, with the component's secrets, at TRACE: a subscription that succeeds and one that fails
     * (a connector whose refresh token Kaizala does not know: the token fetch, so the registration, fails).
     */
    @Test
    void noSecretOnTheWebhookPathNorWhenItsRegistrationFailsAtTrace() throws Exception {
        simulator.registerConnector("secrets-connector", KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                "another-refresh");
        String good = newGroup("Secrets via camel-webhook");
        String bad = newGroup("Secrets, failed registration");
        addRoute("webhook-good", "webhook:kaizala:events?groupId=" + good + "&webhookPath=/hooks/good"
                + webhookOptions());
        addRoute("webhook-bad", "webhook:kaizala:events?groupId=" + bad + "&applicationId=secrets-connector"
                + "&webhookPath=/hooks/bad" + webhookOptions());
        awaitLog("Created Kaizala webhook");
        awaitLog("Could not subscribe the Kaizala webhook");
        assertNoSecretIn(List.of(SECRET_TOKEN, KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                KaizalaSimulator.DEFAULT_REFRESH_TOKEN), List.of());
    }

    /**
     * Through camel-webhook and directly, with the secrets written in the endpoint URI, when the registration fails:
     * not in the component's log lines nor in the start failure. Camel core's own TRACE logging of endpoint resolution
     * prints URIs as written (documented), so this run captures at DEBUG.
     */
    @Test
    void noSecretWrittenInTheUriWhenARegistrationFails() throws Exception {
        closeCapture();
        capture = new LogCapture(Level.DEBUG);
        String uriSecret = "uri-app-secret-5e1d0c";
        String uriToken = "uri-callback-token-9a7b3f";
        String uriRefresh = "uri-refresh-token-44d2e1";
        simulator.registerConnector("uri-connector", "the-right-secret", uriRefresh);
        String credentials = "&applicationId=uri-connector&applicationSecret=RAW(" + uriSecret + ")&refreshToken=RAW("
                + uriRefresh + ")&callbackToken=RAW(" + uriToken + ")";
        String viaWebhook = newGroup("URI secrets via camel-webhook");
        addRoute("uri-webhook", "webhook:kaizala:events?groupId=" + viaWebhook + "&webhookPath=/hooks/uri" + credentials
                + webhookOptions());
        awaitLog("Could not subscribe the Kaizala webhook");
        List<String> printed = new ArrayList<>();
        String direct = newGroup("URI secrets directly");
        try {
            addRoute("uri-direct", "kaizala:events?groupId=" + direct + credentials + webhookOptions());
            printed.add("the route started although its registration failed");
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                printed.add(t.getMessage());
            }
        }
        assertThat(printed).anySatisfy(message -> assertThat(message).contains("401"));
        assertNoSecretIn(List.of(uriSecret, uriToken, uriRefresh), printed);
    }

    private String webhookOptions() {
        return "&webhookExternalUrl=http://127.0.0.1:" + port + "&allowInsecureWebhookUrl=true";
    }

    private void awaitLog(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!capture.text().contains(text)) {
            assertThat(System.currentTimeMillis()).as("a log line with: " + text).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void assertNoSecretIn(List<String> secrets, List<String> printed) {
        List<String> texts = new ArrayList<>(printed);
        for (Endpoint endpoint : context.getEndpoints()) {
            texts.add(endpoint.toString());
        }
        context.getRoutes().forEach(route -> texts.add(route.toString()));
        context.stop();
        String log = capture.text();
        closeCapture();
        List<String> leaks = new ArrayList<>(
                log.lines().filter(line -> secrets.stream().anyMatch(line::contains)).toList());
        texts.stream().filter(text -> text != null && secrets.stream().anyMatch(text::contains)).forEach(leaks::add);
        assertThat(leaks).as("log lines and printed texts holding a secret").isEmpty();
    }
}
