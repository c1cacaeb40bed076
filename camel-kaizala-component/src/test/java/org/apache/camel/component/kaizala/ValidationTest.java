package org.apache.camel.component.kaizala;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.camel.component.kaizala.model.SendMessageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input: a clear error that names the field, and nothing sent to Kaizala. */
class ValidationTest extends KaizalaTestSupport {

    private static final String GROUP = "some-group";

    static List<Arguments> badMessages() {
        return List.of(
                Arguments.of("empty text", "", Map.of(KaizalaConstants.GROUP_ID, GROUP), "message", "required"),
                Arguments.of("blank text", "   ", Map.of(KaizalaConstants.GROUP_ID, GROUP), "message", "required"),
                Arguments.of("no body", null, Map.of(KaizalaConstants.GROUP_ID, GROUP), "message", "required"),
                Arguments.of("text over 4000 characters", "x".repeat(4001), Map.of(KaizalaConstants.GROUP_ID, GROUP),
                        "message", "at most 4000 characters, got 4001"),
                Arguments.of("no groupId", "hello", Map.of(), "groupId",
                        "required — set the groupId option or the CamelKaizalaGroupId header"),
                Arguments.of("blank groupId header", "hello", Map.of(KaizalaConstants.GROUP_ID, " "), "groupId",
                        "required"),
                Arguments.of("phone without plus", "hello",
                        Map.of(KaizalaConstants.GROUP_ID, GROUP, KaizalaConstants.SUBSCRIBERS, "15550100001"),
                        "subscribers[0]", "a phone number is a plus sign"),
                Arguments.of("phone with spaces", "hello",
                        Map.of(KaizalaConstants.GROUP_ID, GROUP, KaizalaConstants.SUBSCRIBERS,
                                List.of("+15550100001", "+1 555 0100 002")),
                        "subscribers[1]", "got '+1 555 0100 002'"),
                Arguments.of("phone too short", "hello",
                        Map.of(KaizalaConstants.GROUP_ID, GROUP, KaizalaConstants.SUBSCRIBERS, "+1234"),
                        "subscribers[0]", "a phone number"),
                Arguments.of("everyone and a list", "hello",
                        Map.of(KaizalaConstants.GROUP_ID, GROUP, KaizalaConstants.SUBSCRIBERS, "+15550100001",
                                KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS, true),
                        "sendToAllSubscribers", "cannot be true together with a subscribers list"),
                Arguments.of("not a boolean", "hello",
                        Map.of(KaizalaConstants.GROUP_ID, GROUP, KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS, "yes"),
                        "sendToAllSubscribers", "true or false, got 'yes'"),
                Arguments.of("unknown operation header", "hello",
                        Map.of(KaizalaConstants.GROUP_ID, GROUP, KaizalaConstants.OPERATION, "messages/delete"),
                        KaizalaConstants.OPERATION, "Valid operations: auth/generatePin, "),
                Arguments.of("map with a wrong shape", Map.of("message", List.of("a", "b")),
                        Map.of(KaizalaConstants.GROUP_ID, GROUP), "body", "does not read as SendMessageRequest"),
                Arguments.of("model without text", new SendMessageRequest(),
                        Map.of(KaizalaConstants.GROUP_ID, GROUP), "message", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void badInputFailsBeforeAnythingIsSent(String title, Object body, Map<String, Object> headers, String field,
            String rule) {
        Exchange exchange = send("kaizala:messages", body, new HashMap<>(headers));

        assertThat(exchange.getException()).isInstanceOf(KaizalaValidationException.class);
        KaizalaValidationException error = (KaizalaValidationException) exchange.getException();
        assertThat(error.getField()).isEqualTo(field);
        assertThat(error.getMessage()).startsWith(field + ": ").contains(rule);
        assertThat(simulator.journal().all()).isEmpty();
    }

    @Test
    void theLengthLimitIsConfigurable() {
        Exchange tooLong = send("kaizala:messages?maxMessageLength=1000&groupId=" + GROUP, "x".repeat(1001), Map.of());
        assertThat(tooLong.getException()).hasMessage("message: at most 1000 characters, got 1001");
        assertThat(simulator.journal().all()).isEmpty();

        String groupId = newGroup("Exactly 4000");
        Exchange limit = send("kaizala:messages?groupId=" + groupId, "y".repeat(4000), Map.of());
        assertThat(limit.getException()).isNull();
    }

    @Test
    void anUnknownOperationFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("kaizala:messages/delete"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .hasMessageContaining("Unknown Kaizala operation 'messages/delete'")
                .hasMessageContaining("Valid operations: auth/generatePin, ").hasMessageContaining(", messages/send, ")
                .hasMessageContaining(", webhooks/delete");
        assertThatThrownBy(() -> context.getEndpoint("kaizala:telegrams"))
                .rootCause().hasMessageContaining("Unknown Kaizala operation 'telegrams'");
    }

    @Test
    void anUnknownOptionFailsAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("kaizala:messages?kaizalaGroup=x"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("kaizalaGroup");
    }

    @Test
    void missingCredentialsFailTheRouteAtStartNamingEachOption() {
        context.addComponent("bare", new KaizalaComponent());

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:bare").to("bare:messages?groupId=x");
            }
        })).rootCause().hasMessageContaining("set applicationId, applicationSecret, refreshToken");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:fixed").to("bare:messages?groupId=x&accessToken=abc");
            }
        })).rootCause().hasMessageContaining("endpointUrl (required with a fixed accessToken)")
                .hasMessageNotContaining("abc");
        assertThat(simulator.journal().all()).isEmpty();
    }
}
