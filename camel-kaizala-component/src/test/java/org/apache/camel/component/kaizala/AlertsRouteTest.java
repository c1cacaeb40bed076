package org.apache.camel.component.kaizala;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The user guide's "testing your routes against the simulator" example, as a user would write it. */
class AlertsRouteTest extends CamelTestSupport {

    static KaizalaSimulator simulator = KaizalaSimulator.start();   // one line: a Kaizala on a free port of 127.0.0.1

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KaizalaConfiguration kaizala = context.getComponent("kaizala", KaizalaComponent.class).getConfiguration();
        kaizala.setAuthUrl(simulator.authUrl());
        kaizala.setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        kaizala.setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        kaizala.setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:alerts").to("kaizala:messages");
            }
        };
    }

    @Test
    void alertsArePostedToTheGroup() {
        String groupId = simulator.state().createGroup("Test group").id();

        template.sendBodyAndHeader("direct:alerts", "Disk full", KaizalaConstants.GROUP_ID, groupId);

        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(1);
        assertThat(simulator.journal().matching("POST", "/groups/.*/messages").get(0).body())
                .isEqualTo("{\"message\":\"Disk full\"}");
    }
}
