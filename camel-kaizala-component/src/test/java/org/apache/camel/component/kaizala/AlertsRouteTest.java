package org.apache.camel.component.kaizala;

import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.KaizalaSimulatorTest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@KaizalaSimulatorTest // starts a simulator for the class and points the kaizala component at it
class AlertsRouteTest extends CamelTestSupport {

    KaizalaSimulator simulator; // injected

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

    @Test
    void aThrottledPostIsRetried() {
        String groupId = simulator.state().createGroup("Test group").id();
        simulator.faults().next(1, "POST", "/groups/.*/messages", Fault.status(429).retryAfter("1"));

        template.sendBodyAndHeader("direct:alerts", "Disk full", KaizalaConstants.GROUP_ID, groupId);

        assertThat(simulator.journal().count("POST", "/groups/.*/messages")).isEqualTo(2);
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(1);
    }
}
