package org.apache.camel.component.kaizala;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run — token fetch, rotation, a refused token, a relocation, API errors, bad input, a failed token request —
 * then a search for every secret involved in the log, the exception messages, toString() and endpoint URIs as Camel
 * prints them.
 */
class SecretsTest {

    /** The recommended set-up: credentials on the component. Every logger at TRACE but HttpClient's wire log. */
    @Test
    void credentialsOnTheComponentNeverAppearEvenAtTrace() throws Exception {
        assertNoLeak(Level.TRACE, false);
    }

    /**
     * Credentials written into the endpoint URI: masked wherever Camel prints the URI. Camel core's own TRACE logging
     * of endpoint resolution prints URIs as written (documented), so this run captures at DEBUG.
     */
    @Test
    void credentialsInTheUriAreMaskedWhereCamelPrintsIt() throws Exception {
        assertNoLeak(Level.DEBUG, true);
    }

    /**
     * The failure paths against a hostile Kaizala ({@link FakeKaizala}): a token service that refuses the connector and
     * echoes its refresh token and secret in the error body, and a 308 to a foreign host. Nothing secret in the log at
     * TRACE or in the exceptions.
     */
    @Test
    void tokenFailureAndARefusedRedirectLeakNoSecretEvenAtTrace() throws Exception {
        List<String> printed = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        String log;
        try (FakeKaizala fake = new FakeKaizala(); LogCapture capture = new LogCapture(Level.TRACE)) {
            fake.resource = exchange -> {
                exchange.getResponseHeaders().set("Location", "https://evil.example/v1");
                FakeKaizala.json(exchange, 308,
                        "{\"accessToken\":\"" + exchange.getRequestHeaders().getFirst("accessToken")
                                + "\"}");
            };
            try (CamelContext context = new DefaultCamelContext()) {
                KaizalaComponent kaizala = new KaizalaComponent();
                fake.configure(kaizala.getConfiguration());
                context.addComponent("kaizala", kaizala);
                context.start();
                ProducerTemplate template = context.createProducerTemplate();
                fake.validRefreshToken = "not-the-configured-one";
                printed.add(
                        outcome(template.send("kaizala:messages?groupId=g1", e -> e.getMessage().setBody("refused"))));
                fake.validRefreshToken = FakeKaizala.FIRST_REFRESH_TOKEN;
                printed.add(
                        outcome(template.send("kaizala:messages?groupId=g1", e -> e.getMessage().setBody("moved"))));
            }
            secrets.addAll(fake.secrets());
            log = capture.text();
        }
        assertThat(printed).anySatisfy(text -> assertThat(text).contains("auth/accessToken failed with HTTP 401"));
        assertThat(printed).anySatisfy(
                text -> assertThat(text).contains("refused to follow the redirect to https://evil.example"));
        assertThat(log).contains("refused to follow a 308");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3); // secret, refresh token, an access token
        List<String> leaks = new ArrayList<>(
                log.lines().filter(line -> secrets.stream().anyMatch(line::contains)).toList());
        printed.stream().filter(text -> secrets.stream().anyMatch(text::contains)).forEach(leaks::add);
        assertThat(leaks).as("log lines and printed texts holding a secret").isEmpty();
    }

    private void assertNoLeak(Level level, boolean credentialsInUri) throws Exception {
        List<String> printed = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>();
        String log;
        try (KaizalaSimulator simulator = KaizalaSimulator.builder().accessTokenTtl(Duration.ofHours(1)).start();
                LogCapture capture = new LogCapture(level)) {
            String groupId = simulator.state().createGroup("Secrets").id();
            String credentials = "&applicationId=" + KaizalaSimulator.DEFAULT_APPLICATION_ID
                    + "&applicationSecret=RAW(" + KaizalaSimulator.DEFAULT_APPLICATION_SECRET + ")"
                    + "&refreshToken=RAW(" + KaizalaSimulator.DEFAULT_REFRESH_TOKEN + ")"
                    + "&authUrl=" + simulator.authUrl();
            String uri = "kaizala:messages?groupId=" + groupId + (credentialsInUri ? credentials : "");
            try (CamelContext context = new DefaultCamelContext()) {
                KaizalaComponent kaizala = new KaizalaComponent();
                if (!credentialsInUri) {
                    kaizala.getConfiguration().setAuthUrl(simulator.authUrl());
                    kaizala.getConfiguration().setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
                    kaizala.getConfiguration().setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
                    kaizala.getConfiguration().setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
                }
                context.addComponent("kaizala", kaizala);
                context.addRoutes(new RouteBuilder() {

                    @Override
                    public void configure() {
                        from("direct:send").routeId("secrets").to(uri);
                    }
                });
                context.start();
                ProducerTemplate template = context.createProducerTemplate();

                secrets.add(simulator.rotateRefreshToken(KaizalaSimulator.DEFAULT_APPLICATION_ID));
                printed.add(outcome(template.send("direct:send", e -> e.getMessage().setBody("one"))));
                simulator.expireAccessTokens();
                printed.add(outcome(template.send("direct:send", e -> e.getMessage().setBody("two"))));
                simulator.relocate(KaizalaSimulator.DEFAULT_APPLICATION_ID);
                printed.add(outcome(template.send("direct:send", e -> e.getMessage().setBody("three"))));
                simulator.faults().next(1, "POST", "/groups/.*/messages", Fault.status(500));
                printed.add(outcome(template.send("direct:send", e -> e.getMessage().setBody("four"))));
                printed.add(outcome(template.send("direct:send", e -> e.getMessage().setBody(""))));
                printed.add(
                        outcome(template.send(uri.replace(groupId, "unknown"), e -> e.getMessage().setBody("five"))));
                simulator.faults().next(1, "GET", "/accessToken", Fault.status(401));
                simulator.expireAccessTokens();
                printed.add(outcome(template.send("direct:send", e -> e.getMessage().setBody("six"))));

                for (Endpoint endpoint : context.getEndpoints()) {
                    printed.add(endpoint.toString());
                    if (endpoint instanceof KaizalaEndpoint kaizalaEndpoint) {
                        printed.add(kaizalaEndpoint.getConfiguration().toString());
                    }
                }
                printed.add(kaizala.toString());
                printed.add(context.getRoute("secrets").toString());
                printed.add(String.valueOf(context.getRoute("secrets").getEndpoint()));
            }
            for (RecordedRequest request : simulator.journal().all()) {
                addIfPresent(secrets, request.header("accessToken"));
                addIfPresent(secrets, request.header("applicationSecret"));
                addIfPresent(secrets, request.header("refreshToken"));
            }
            log = capture.text();
        }
        secrets.add(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        secrets.add(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);

        assertThat(secrets).hasSizeGreaterThanOrEqualTo(5); // secret, two refresh tokens, at least two access tokens
        assertThat(log).contains("Kaizala rotated the refresh token").contains("messages/send");
        assertThat(printed).anySatisfy(text -> assertThat(text).contains("HTTP 500"));
        assertThat(printed).anySatisfy(text -> assertThat(text).contains("auth/accessToken failed with HTTP 401"));
        List<String> leaks = new ArrayList<>(
                log.lines().filter(line -> secrets.stream().anyMatch(line::contains)).toList());
        printed.stream().filter(text -> secrets.stream().anyMatch(text::contains)).forEach(leaks::add);
        assertThat(leaks).as("log lines and printed texts holding a secret").isEmpty();
    }

    private static String outcome(Exchange exchange) {
        Exception e = exchange.getException();
        if (e == null) {
            return String.valueOf(exchange.getMessage().getBody());
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static void addIfPresent(Set<String> secrets, String value) {
        if (value != null && !value.isBlank()) {
            secrets.add(value);
        }
    }
}
