package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's secrets — the callback token, forged tokens presented to it, the access tokens it subscribes with —
 * appear in no log line at TRACE (but HttpClient's wire log), no endpoint as Camel prints it, no event the route sees.
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

    @Test
    void noTokenAppearsInLogsEndpointsOrEvents() throws Exception {
        String callback = callbackUrl(groupId);
        String event = "{\"objectId\":\"" + groupId + "\",\"objectType\":\"Group\",\"eventType\":\"TextMessageCreated\","
                       + "\"eventId\":\"%s\",\"data\":{\"text\":\"hi\"}}";
        getMockEndpoint("mock:events").expectedMessageCount(2);
        assertThat(post(callback, event.formatted("s1"), Map.of("kz-callback-token", SECRET_TOKEN)).statusCode()).isEqualTo(200);
        assertThat(post(callback, event.formatted("s2"), Map.of("kz-callback-token", FORGED_TOKEN)).statusCode()).isEqualTo(401);
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
        getMockEndpoint("mock:events").getReceivedExchanges().forEach(e -> printed.add(e.getMessage().getHeaders().toString()));
        context.stop();
        String log = capture.text();
        capture.close();

        List<String> secrets = new ArrayList<>(List.of(SECRET_TOKEN, FORGED_TOKEN));
        for (RecordedRequest request : simulator.journal().all()) {
            if (request.header("accessToken") != null) {
                secrets.add(request.header("accessToken"));
            }
        }
        assertThat(log).contains("Refused a delivery").contains("Created Kaizala webhook");
        List<String> leaks = new ArrayList<>(log.lines().filter(line -> secrets.stream().anyMatch(line::contains)).toList());
        printed.stream().filter(text -> secrets.stream().anyMatch(text::contains)).forEach(leaks::add);
        assertThat(leaks).as("log lines and printed texts holding a secret").isEmpty();
    }
}
