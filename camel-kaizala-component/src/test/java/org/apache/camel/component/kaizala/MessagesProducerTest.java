package org.apache.camel.component.kaizala;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkaizala.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.model.ReferenceResponse;
import org.apache.camel.component.kaizala.model.SendMessageRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesProducerTest extends KaizalaTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").to("kaizala:messages");
            }
        };
    }

    @Test
    void aStringBodyIsPostedAsTheMessageText() {
        String groupId = newGroup("Field Sales North");

        Exchange exchange = send("direct:send", "Hello from Camel", Map.of(KaizalaConstants.GROUP_ID, groupId));

        assertThat(exchange.getException()).isNull();
        List<RecordedRequest> posts = simulator.journal().matching("POST", "/groups/.*/messages");
        assertThat(posts).hasSize(1);
        RecordedRequest post = posts.get(0);
        assertThat(post.path()).isEqualTo("/" + simulator.endpointUrl().replaceAll("^.*//[^/]+/", "")
                + "v1/groups/" + groupId + "/messages");
        assertThat(post.resourcePath()).isEqualTo("/groups/" + groupId + "/messages");
        assertThat(post.header("accessToken")).isNotBlank();
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(post.body()).isEqualTo("{\"message\":\"Hello from Camel\"}");

        ReferenceResponse answer = exchange.getMessage().getBody(ReferenceResponse.class);
        String stored = simulator.state().group(groupId).orElseThrow().messages().get(0).referenceId();
        assertThat(answer.referenceId()).isEqualTo(stored);
        assertThat(exchange.getMessage().getHeader(KaizalaConstants.REFERENCE_ID)).isEqualTo(stored);
    }

    @Test
    void aJsonLookingStringIsStillText() {
        String groupId = newGroup("Json text");

        Exchange exchange = send("direct:send", "{\"message\":\"not parsed\"}",
                Map.of(KaizalaConstants.GROUP_ID, groupId));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.state().group(groupId).orElseThrow().messages().get(0).text())
                .isEqualTo("{\"message\":\"not parsed\"}");
    }

    @Test
    void aModelBodyWithSubscribersIsSentAsTheReferencePrescribes() {
        String groupId = newGroup("Public");
        SendMessageRequest request = new SendMessageRequest("Stock survey due Friday")
                .subscribers(List.of("+15550100001", "+15550100002"))
                .sendToAllSubscribers(false);

        Exchange exchange = send("direct:send", request, Map.of(KaizalaConstants.GROUP_ID, groupId));

        assertThat(exchange.getException()).isNull();
        JsonNode body = simulator.journal().matching("POST", "/groups/.*/messages").get(0).bodyJson();
        assertThat(body.get("message").asText()).isEqualTo("Stock survey due Friday");
        assertThat(body.get("subscribers")).hasSize(2);
        assertThat(body.get("subscribers").get(0).asText()).isEqualTo("+15550100001");
        assertThat(body.get("sendToAllSubscribers").asBoolean()).isFalse();
        assertThat(request.getSubscribers()).hasSize(2); // the caller's model is left as it was
    }

    @Test
    void aMapBodyIsReadLeniently() {
        String groupId = newGroup("Map");

        Exchange exchange = send("direct:send", Map.of("Message", "from a map", "SendToAllSubscribers", "true"),
                Map.of(KaizalaConstants.GROUP_ID, groupId));

        assertThat(exchange.getException()).isNull();
        JsonNode body = simulator.journal().matching("POST", "/groups/.*/messages").get(0).bodyJson();
        assertThat(body.get("message").asText()).isEqualTo("from a map");
        assertThat(body.get("sendToAllSubscribers").asBoolean()).isTrue();
    }

    @Test
    void theGroupIdHeaderWinsOverTheOption() {
        String optionGroup = newGroup("Option");
        String headerGroup = newGroup("Header");

        Exchange exchange = send("kaizala:messages?groupId=" + optionGroup, "which group?",
                Map.of(KaizalaConstants.GROUP_ID, headerGroup));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.state().group(headerGroup).orElseThrow().messages()).hasSize(1);
        assertThat(simulator.state().group(optionGroup).orElseThrow().messages()).isEmpty();

        Exchange byOption = send("kaizala:messages/send?groupId=" + optionGroup, "by option", Map.of());
        assertThat(byOption.getException()).isNull();
        assertThat(simulator.state().group(optionGroup).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void subscribersComeFromTheHeaderOrTheOption() {
        String groupId = newGroup("Subscribers");

        send("kaizala:messages?subscribers=RAW(+15550100003,+15550100004)&groupId=" + groupId, "by option", Map.of());
        send("kaizala:messages?subscribers=RAW(+15550100003)&groupId=" + groupId, "by header",
                Map.of(KaizalaConstants.SUBSCRIBERS, "+15550100005, +15550100006",
                        KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS, "false"));

        List<RecordedRequest> posts = simulator.journal().matching("POST", "/groups/.*/messages");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).bodyJson().get("subscribers").toString())
                .isEqualTo("[\"+15550100003\",\"+15550100004\"]");
        assertThat(posts.get(1).bodyJson().get("subscribers").toString())
                .isEqualTo("[\"+15550100005\",\"+15550100006\"]");
        assertThat(posts.get(1).bodyJson().get("sendToAllSubscribers").asBoolean()).isFalse();
    }

    @Test
    void groupIdsAreOpaqueAndEncodedInThePath() {
        String groupId = newGroup("Suffixed");
        // a suffixed id the real service accepted; the simulator resolves ids verbatim
        String suffixed = groupId + "@1";

        send("direct:send", "suffix", Map.of(KaizalaConstants.GROUP_ID, suffixed));
        send("direct:send", "slash", Map.of(KaizalaConstants.GROUP_ID, "a/b c"));

        List<RecordedRequest> posts = simulator.journal().matching("POST", "/groups/.*/messages");
        assertThat(posts.get(0).resourcePath()).isEqualTo("/groups/" + suffixed + "/messages");
        assertThat(posts.get(1).resourcePath()).isEqualTo("/groups/a/b c/messages");
        assertThat(posts.get(1).path()).endsWith("/v1/groups/a/b c/messages");
    }

    @Test
    void theOperationHeaderOverridesTheUri() {
        String groupId = newGroup("Header op");

        Exchange exchange = send("kaizala:messages/send", "via header",
                Map.of(KaizalaConstants.OPERATION, "messages/send", KaizalaConstants.GROUP_ID, groupId));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(1);
    }

    @Test
    void anErrorAnswerFailsTheExchangeWithStatusOperationAndBody() {
        Exchange exchange = send("direct:send", "to nowhere", Map.of(KaizalaConstants.GROUP_ID, "no-such-group"));

        assertThat(exchange.getException()).isInstanceOf(KaizalaApiException.class);
        KaizalaApiException error = (KaizalaApiException) exchange.getException();
        assertThat(error.getStatusCode()).isEqualTo(404);
        assertThat(error.getOperation()).isEqualTo("messages/send");
        assertThat(error.getResponseBody()).isNotBlank();
        assertThat(error.getMessage()).startsWith("Kaizala messages/send failed with HTTP 404");
    }
}
