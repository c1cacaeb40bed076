package io.github.camelkaizala.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest extends SimulatorTestSupport {

    @Test
    void sendStoresTheMessage() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        Instant before = Instant.now();

        Reply r = api("POST", "/groups/" + g.id() + "/messages", "{\"message\":\"Reminder: survey by Friday\"}");

        assertThat(r.status()).isEqualTo(200);
        String referenceId = r.json().get("referenceId").asText();
        assertThat(sim.state().group(g.id()).orElseThrow().messages()).singleElement().satisfies(m -> {
            assertThat(m.referenceId()).isEqualTo(referenceId);
            assertThat(m.text()).isEqualTo("Reminder: survey by Friday");
            assertThat(m.sender()).isEqualTo(DEFAULT_USER_MOBILE);
            assertThat(m.subscribers()).isEmpty();
            assertThat(m.sendToAllSubscribers()).isFalse();
            assertThat(m.sentAt()).isAfterOrEqualTo(before);
        });
    }

    @Test
    void subscriberTargeting() {
        Group g = sim.state().createGroup("Public");
        Reply r = api("POST", "/groups/" + g.id() + "/messages",
                "{\"message\":\"hi\",\"subscribers\":[\"+15550100005\"],\"sendToAllSubscribers\":false}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(api("POST", "/groups/" + g.id() + "/messages", "{\"message\":\"all\",\"sendToAllSubscribers\":true}")
                .status()).isEqualTo(200);
        assertThat(sim.state().group(g.id()).orElseThrow().messages())
                .extracting(Message::subscribers, Message::sendToAllSubscribers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("+15550100005"), false),
                        org.assertj.core.groups.Tuple.tuple(List.of(), true));
    }

    @Test
    void leniency() {
        KaizalaSimulator suffixed = KaizalaSimulator.builder().groupIdSuffix("@1").start();
        try {
            Group g = suffixed.state().createGroup("Team");
            assertThat(g.id()).endsWith("@1");
            String url = suffixed.endpointUrl() + "v1/groups/" + enc(g.id()) + "/messages";
            assertThat(url).contains("%401");
            String t = suffixed.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);

            Reply r = send("POST", url, "{Message: \"unquoted and capitalised\", SendToAllSubscribers: \"true\"}",
                    "accesstoken", t);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            // '@' may also travel unencoded: it is a legal path character
            assertThat(
                    send("POST", suffixed.endpointUrl() + "v1/groups/" + g.id() + "/messages", "{'message': 'raw @'}",
                            "ACCESSTOKEN", t).status())
                    .isEqualTo(200);

            assertThat(suffixed.state().group(g.id()).orElseThrow().messages())
                    .extracting(Message::text, Message::sendToAllSubscribers)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("unquoted and capitalised", true),
                            org.assertj.core.groups.Tuple.tuple("raw @", false));
            assertThat(suffixed.journal().all().get(0).resourcePath()).isEqualTo("/groups/" + g.id() + "/messages");
        } finally {
            suffixed.close();
        }
    }

    @Test
    void validation() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        String path = "/groups/" + g.id() + "/messages";
        GroupsTest.assertError(api("POST", path, "{}"), "MissingField");
        GroupsTest.assertError(api("POST", path, "{\"message\":\"\"}"), "InvalidField");
        GroupsTest.assertError(api("POST", path, "{\"message\":42}"), "InvalidField");
        GroupsTest.assertError(api("POST", path, "{\"message\":\"x\",\"sendToAllSubscribers\":\"maybe\"}"),
                "InvalidField");
        GroupsTest.assertError(api("POST", path, "{\"message\":\"x\",\"subscribers\":[\"nope\"]}"),
                "InvalidMobileNumber");
        GroupsTest.assertError(api("POST", path, "{\"message\":\"" + "a".repeat(4001) + "\"}"), "MessageTooLong");
        assertThat(api("POST", path, "{\"message\":\"" + "a".repeat(4000) + "\"}").status()).isEqualTo(200);
        assertThat(api("POST", "/groups/unknown/messages", "{\"message\":\"x\"}").status()).isEqualTo(404);

        token = accessTokenFor("+15550100001");
        assertThat(api("POST", path, "{\"message\":\"as a member\"}").status()).isEqualTo(200);
        assertThat(api("POST", path, "{\"message\":\"to all\",\"sendToAllSubscribers\":true}").status()).isEqualTo(403);
        token = accessTokenFor("+15550100002");
        assertThat(api("POST", path, "{\"message\":\"outsider\"}").status()).isEqualTo(403);
        assertThat(sim.state().group(g.id()).orElseThrow().messages()).hasSize(2);
    }

    @Test
    void twoHundredConcurrentSendsAreAllStored() throws Exception {
        Group g = sim.state().createGroup("Busy");
        URI uri = URI.create(sim.endpointUrl() + "v1/groups/" + g.id() + "/messages");
        List<CompletableFuture<HttpResponse<String>>> sends = IntStream.range(0, 200)
                .mapToObj(i -> HttpRequest.newBuilder(uri).header("accessToken", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"m" + i + "\"}")).build())
                .map(req -> CLIENT.sendAsync(req, HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(sends).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        List<Message> stored = sim.state().group(g.id()).orElseThrow().messages();
        assertThat(stored).hasSize(200);
        assertThat(stored).extracting(Message::referenceId).doesNotHaveDuplicates();
        assertThat(stored).extracting(Message::text)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).mapToObj(i -> "m" + i).toList());
        assertThat(sim.journal().count("POST", "/groups/.*/messages")).isEqualTo(200);
    }
}
