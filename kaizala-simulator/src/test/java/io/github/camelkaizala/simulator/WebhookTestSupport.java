package io.github.camelkaizala.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulator and a callback server per test, and helpers to subscribe. */
abstract class WebhookTestSupport extends SimulatorTestSupport {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final List<String> ALL_EVENTS = List.of("TextMessageCreated", "AttachmentCreated", "Announcement",
            "SurveyCreated", "SurveyResponse", "JobCreated", "JobResponse", "ActionCreated", "ActionResponse",
            "MemberAdded", "MemberRemoved", "GroupAdded", "GroupRemoved");

    CallbackServer callback;

    @BeforeEach
    void startCallback() {
        callback = CallbackServer.start();
    }

    @AfterEach
    void stopCallback() {
        callback.close();
    }

    /** Replaces the test's simulator by one built so (the old one is closed). */
    void restart(KaizalaSimulator.Builder b) {
        sim.close();
        sim = b.start();
        token = sim.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);
    }

    /** {@code POST /webhook}; returns the answer. {@code token}/{@code context} may be null (then left out). */
    Reply subscribeReply(String objectId, String objectType, String url, String cbToken, String context,
            List<String> events) {
        StringBuilder body = new StringBuilder("{\"objectId\":\"" + objectId + "\",\"objectType\":\"" + objectType
                + "\",\"callBackUrl\":\"" + url + "\",\"eventTypes\":[");
        for (int i = 0; i < events.size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(events.get(i)).append('"');
        }
        body.append(']');
        if (cbToken != null) {
            body.append(",\"callBackToken\":\"").append(cbToken).append('"');
        }
        if (context != null) {
            body.append(",\"callBackContext\":\"").append(context).append('"');
        }
        return api("POST", "/webhook", body.append('}').toString());
    }

    /** Subscribes (the handshake must pass) and returns the webhook id. */
    String subscribe(String objectId, String objectType, String url, String cbToken, String context,
            List<String> events) {
        Reply r = subscribeReply(objectId, objectType, url, cbToken, context, events);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("webhookId").asText();
    }

    String subscribeGroup(String groupId, String... events) {
        return subscribe(groupId, "Group", callback.url(), null, null, List.of(events));
    }

    /** A loopback port nobody listens on. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference's example payload ({@code events/<eventType>.json}, copied into the test resources). */
    static JsonNode example(String eventType) {
        try (InputStream in = WebhookTestSupport.class
                .getResourceAsStream("/kaizala-api/events/" + eventType + ".json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Same field names at every level (objects), same shape of the first element (arrays, when both have one),
     * same JSON type (scalars, when neither is null).
     */
    static void assertSameShape(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual).as(path + " is missing").isNotNull();
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
            assertThat(names(actual)).as(path + " fields").isEqualTo(names(expected));
            expected.fields().forEachRemaining(
                    e -> assertSameShape(actual.get(e.getKey()), e.getValue(), path + "." + e.getKey()));
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as(path + " is an array: " + actual).isTrue();
            if (!expected.isEmpty() && !actual.isEmpty()) {
                assertSameShape(actual.get(0), expected.get(0), path + "[0]");
            }
        } else if (!expected.isNull() && !actual.isNull()) {
            assertThat(actual.getNodeType()).as(path + " type").isEqualTo(expected.getNodeType());
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
