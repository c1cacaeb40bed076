package com.example;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.TextMessageData;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreEventsRouteTest extends CamelTestSupport {

    static KaizalaSimulator kaizala;
    String groupId;

    @BeforeAll
    static void startKaizala() {
        kaizala = KaizalaSimulator.start();
    }

    @AfterAll
    static void stopKaizala() {
        kaizala.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the HTTP server that serves the callback: platform-http on Vert.x, on a free port of loopback
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(AvailablePortFinder.getNextAvailable());
        context.addService(new VertxPlatformHttpServer(server));
        // the kaizala component talks to the simulator, with its built-in connector
        KaizalaConfiguration configuration = context.getComponent("kaizala", KaizalaComponent.class).getConfiguration();
        configuration.setAuthUrl(kaizala.authUrl());
        configuration.setApplicationId(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        configuration.setApplicationSecret(KaizalaSimulator.DEFAULT_APPLICATION_SECRET);
        configuration.setRefreshToken(KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
        configuration.setAllowInsecureWebhookUrl(true); // the callback is plain HTTP on loopback
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = kaizala.state().createGroup("Store managers").id();
        return new RouteBuilder() {

            @Override
            public void configure() {
                // the route under test; no webhookExternalUrl: Kaizala (the simulator) runs on loopback
                from("kaizala:events?groupId=" + groupId + "&eventTypes=TextMessageCreated")
                        .to("mock:texts");
            }
        };
    }

    @Test
    void aPostedTextReachesTheRoute() throws Exception {
        MockEndpoint texts = getMockEndpoint("mock:texts");
        texts.expectedMessageCount(1);

        kaizala.human("+15550100042").join(groupId);
        kaizala.human("+15550100042").postText(groupId, "Shelf 4 is empty");

        texts.assertIsSatisfied();
        KaizalaEvent event = texts.getReceivedExchanges().get(0).getMessage().getBody(KaizalaEvent.class);
        assertEquals("Shelf 4 is empty", event.dataAs(TextMessageData.class).text());
        assertEquals("+15550100042", event.fromUser());
    }
}
