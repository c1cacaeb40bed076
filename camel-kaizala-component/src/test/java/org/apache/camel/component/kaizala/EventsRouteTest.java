package org.apache.camel.component.kaizala;

import java.net.ServerSocket;
import java.time.Duration;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.KaizalaSimulatorTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@KaizalaSimulatorTest
class EventsRouteTest extends CamelTestSupport {

    KaizalaSimulator simulator;
    String groupId;
    int port;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // a free port for the callback
        }
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http)); // the HTTP server kaizala:events serves on
        groupId = simulator.state().createGroup("Field Sales", "+15550100001").id();
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("kaizala:events?groupId=" + groupId + "&eventTypes=TextMessageCreated"
                        + "&webhookExternalUrl=http://127.0.0.1:" + port + "&allowInsecureWebhookUrl=true")
                        .to("mock:texts");
            }
        };
    }

    @Test
    void aMembersTextReachesTheRoute() throws Exception {
        MockEndpoint texts = getMockEndpoint("mock:texts");
        texts.expectedMessageCount(1);

        simulator.human("+15550100001").postText(groupId, "Stock arrived");

        texts.assertIsSatisfied(Duration.ofSeconds(10).toMillis());
        KaizalaEvent event = texts.getExchanges().get(0).getMessage().getBody(KaizalaEvent.class);
        assertThat(event.eventType()).isEqualTo("TextMessageCreated");
    }
}
