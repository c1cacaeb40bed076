package org.apache.camel.component.kaizala;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context whose kaizala component talks to an embedded simulator with the simulator's default connector.
 * One simulator per test class; its journal is cleared before each test.
 */
public abstract class KaizalaTestSupport extends CamelTestSupport {

    protected static KaizalaSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = KaizalaSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @BeforeEach
    void clearJournal() {
        simulator.faults().clear();
        simulator.journal().clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KaizalaComponent kaizala = new KaizalaComponent();
        configure(kaizala.getConfiguration());
        context.addComponent("kaizala", kaizala);
        return context;
    }

    /** Points the component at the simulator's default connector; tests may change more. */
    protected void configure(KaizalaConfiguration configuration) {
        configuration.setAuthUrl(simulator.authUrl());
        configuration.setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        configuration.setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        configuration.setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        configuration.setRateLimit(0); // pacing is tested on its own; here it would only slow bursts down
    }

    protected String newGroup(String name) {
        return simulator.state().createGroup(name).id();
    }

    /** Sends through {@code uri} and returns the exchange, failed or not. */
    protected Exchange send(String uri, Object body, java.util.Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }
}
