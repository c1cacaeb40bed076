package org.apache.camel.component.kaizala;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The kaizala-sink and kaizala-source Kamelets shipped in the jar (classpath:kamelets), used as YAML users would. */
class KameletTest extends EventsTestSupport {

    private String groupId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Kamelets");
        String credentials = "applicationId=" + KaizalaSimulator.DEFAULT_APPLICATION_ID
                + "&applicationSecret=RAW(" + KaizalaSimulator.DEFAULT_APPLICATION_SECRET + ")"
                + "&refreshToken=RAW(" + KaizalaSimulator.DEFAULT_REFRESH_TOKEN + ")"
                + "&authUrl=" + simulator.authUrl();
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:to-kaizala").to("kamelet:kaizala-sink?groupId=" + groupId + "&" + credentials);
                from("kamelet:kaizala-source?groupId=" + groupId + "&webhookExternalUrl=http://127.0.0.1:" + port
                        + "&allowInsecureWebhookUrl=true&eventTypes=TextMessageCreated&" + credentials)
                        .to("mock:from-kaizala");
            }
        };
    }

    @Test
    void theSinkPostsTheBodyAsAMessage() {
        template.sendBody("direct:to-kaizala", "through the sink Kamelet");

        assertThat(simulator.state().group(groupId).orElseThrow().messages())
                .extracting(m -> m.text()).containsExactly("through the sink Kamelet");
    }

    @Test
    void theSourceProducesEachEventAsJson() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:from-kaizala");
        events.expectedMessageCount(1);
        simulator.human("+15550100031").join(groupId); // MemberAdded: not subscribed, not produced
        simulator.human("+15550100031").postText(groupId, "hello Kamelet");

        events.assertIsSatisfied(10_000);
        var message = events.getReceivedExchanges().get(0).getMessage();
        assertThat(message.getBody(String.class)).contains("\"eventType\":\"TextMessageCreated\"")
                .contains("hello Kamelet");
        assertThat(message.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(message.getHeader(KaizalaConstants.EVENT_TYPE)).isEqualTo("TextMessageCreated");
    }
}
