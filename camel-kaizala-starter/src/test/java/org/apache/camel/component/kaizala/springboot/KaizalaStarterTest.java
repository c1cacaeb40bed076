package org.apache.camel.component.kaizala.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.component.kaizala.KaizalaConfiguration;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.apache.camel.component.kaizala.event.KaizalaEvent;
import org.apache.camel.component.kaizala.event.TextMessageData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application of {@link KaizalaStarterApplication}, configured by its application.properties, against a Kaizala
 * simulator: the test only supplies where the simulator runs, the group, and a free port for the HTTP server.
 */
@SpringBootTest(classes = KaizalaStarterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KaizalaStarterTest {

    static final KaizalaSimulator SIMULATOR = KaizalaSimulator.start();
    static final String GROUP_ID = SIMULATOR.state().createGroup("Spring Boot").id();

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ConsumerTemplate consumer;
    @Autowired
    KaizalaTokenStore applicationTokenStore;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) throws IOException {
        registry.add("kaizala.auth-url", SIMULATOR::authUrl);
        registry.add("kaizala.group-id", () -> GROUP_ID);
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            registry.add("server.port", () -> port);
        }
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void aProducerConfiguredByPropertiesAloneReachesKaizala() {
        Exchange sent = producer.request("direct:announce", e -> e.getMessage().setBody("from Spring Boot"));

        assertThat(sent.getException()).isNull();
        List<RecordedRequest> posts = SIMULATOR.journal().matching("POST", "/groups/[^/]+/messages");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).resourcePath()).isEqualTo("/groups/" + GROUP_ID + "/messages");
        assertThat(posts.get(0).body()).contains("from Spring Boot");
        assertThat(posts.get(0).header("accessToken")).isNotBlank();
        assertThat(SIMULATOR.journal().matching("GET", ".*/accessToken").get(0).header("applicationId"))
                .isEqualTo(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(SIMULATOR.state().group(GROUP_ID).orElseThrow().messages())
                .extracting(m -> m.text()).contains("from Spring Boot");
    }

    @Test
    void theEventsConsumerOnPlatformHttpReceivesAMembersPost() {
        SIMULATOR.human("+15550100077").join(GROUP_ID);
        SIMULATOR.human("+15550100077").postText(GROUP_ID, "hello from a member");

        Exchange received = receivePostFrom("+15550100077");

        assertThat(received).as("the member's post, routed by kaizala:events").isNotNull();
        KaizalaEvent event = received.getMessage().getBody(KaizalaEvent.class);
        assertThat(event.eventType()).isEqualTo("TextMessageCreated");
        assertThat(event.data()).isEqualTo(new TextMessageData("hello from a member"));
        assertThat(received.getMessage().getHeader(KaizalaConstants.EVENT_TYPE)).isEqualTo("TextMessageCreated");
    }

    /** The next post of this member the route received (the application's own posts are events too), or null. */
    private Exchange receivePostFrom(String mobile) {
        long deadline = System.currentTimeMillis() + 20_000;
        for (long left; (left = deadline - System.currentTimeMillis()) > 0;) {
            Exchange received = consumer.receive("seda:posts", left);
            if (received != null && mobile.equals(received.getMessage().getBody(KaizalaEvent.class).fromUser())) {
                return received;
            }
        }
        return null;
    }

    @Test
    void nonDefaultOptionsAndBeanReferencesAreBound() {
        KaizalaConfiguration configuration = camelContext.getComponent("kaizala", KaizalaComponent.class)
                .getConfiguration();

        assertThat(configuration.getMaxRetries()).isEqualTo(5);
        assertThat(configuration.getResponseTimeout()).as("a duration in milliseconds").isEqualTo(20_000L);
        assertThat(configuration.getRetryMaxDelay()).as("a duration with its unit, 2s").isEqualTo(2_000L);
        assertThat(configuration.getApplicationId()).isEqualTo(KaizalaSimulator.DEFAULT_APPLICATION_ID);
        assertThat(configuration.getWebhookExternalUrl()).startsWith("http://127.0.0.1:");
        assertThat(configuration.getTokenStore()).as("token-store = #applicationTokenStore")
                .isSameAs(applicationTokenStore);
        assertThat(configuration.getConnectTimeout()).as("a default left alone").isEqualTo(15_000L);
    }
}
