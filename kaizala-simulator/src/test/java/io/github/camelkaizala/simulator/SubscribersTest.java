package io.github.camelkaizala.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribersTest extends SimulatorTestSupport {

    private static String[] numbers(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("+1555030%04d", i)).toArray(String[]::new);
    }

    @Test
    void pagingReturnsEverySubscriberExactlyOnce() {
        Group g = sim.state().createPublicGroup("Customers");
        String[] all = numbers(120);
        sim.state().addSubscribers(g.id(), all);
        String path = "/groups/" + g.id() + "/subscribers";

        Reply first = api("POST", path, "{\"count\":50}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode s0 = first.json().get("subscribers").get(0);
        assertThat(s0.get("mobileNumber").asText()).isEqualTo(all[0]);
        assertThat(s0.get("id").asText()).isNotBlank();
        assertThat(s0.get("name").asText()).isNotBlank();
        assertThat(s0.has("profilePic")).isTrue();
        assertThat(s0.get("isProvisioned").asBoolean()).isFalse();

        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api("POST", path,
                    cursor == null ? "{\"count\":50}" : "{\"count\":50,\"cursor\":\"" + cursor + "\"}");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            sizes.add(page.json().get("subscribers").size());
            page.json().get("subscribers").forEach(s -> seen.add(s.get("mobileNumber").asText()));
            cursor = page.json().has("cursor") ? page.json().get("cursor").asText() : null;
        } while (cursor != null);
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(seen).containsExactly(all);

        // other page sizes, and the defaults: an empty body (or no count) is a page of 50
        List<String> bySeven = new ArrayList<>();
        cursor = null;
        do {
            JsonNode page = api("POST", path,
                    cursor == null ? "{\"count\":7}" : "{\"count\":7,\"cursor\":\"" + cursor + "\"}").json();
            page.get("subscribers").forEach(s -> bySeven.add(s.get("mobileNumber").asText()));
            cursor = page.has("cursor") ? page.get("cursor").asText() : null;
        } while (cursor != null);
        assertThat(bySeven).containsExactly(all);
        assertThat(api("POST", path, null).json().get("subscribers")).hasSize(50);
        assertThat(api("POST", path, "{}").json().get("subscribers")).hasSize(50);
    }

    @Test
    void pagingSurvivesChangesBetweenPages() {
        Group g = sim.state().createPublicGroup("Customers");
        String[] all = numbers(10);
        sim.state().addSubscribers(g.id(), all);
        String path = "/groups/" + g.id() + "/subscribers";
        JsonNode first = api("POST", path, "{\"count\":4}").json();
        api("PUT", path + "/remove", "{\"subscribers\":[\"" + all[1] + "\",\"" + all[6] + "\"]}");
        JsonNode second = api("POST", path, "{\"count\":4,\"cursor\":\"" + first.get("cursor").asText() + "\"}").json();
        List<String> rest = new ArrayList<>();
        second.get("subscribers").forEach(s -> rest.add(s.get("mobileNumber").asText()));
        assertThat(rest).containsExactly(all[4], all[5], all[7], all[8]);
    }

    @Test
    void addAndRemove() {
        Group g = sim.state().createPublicGroup("Customers");
        String path = "/groups/" + g.id() + "/subscribers";

        Reply added = api("PUT", path + "/add", "{\"subscribers\":[\"+15550100105\",\"+15550100106\"]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("result").get("+15550100105").get("isAdded").asBoolean()).isTrue();
        assertThat(added.json().get("result").get("+15550100106").get("isAdded").asBoolean()).isTrue();
        assertThat(sim.state().group(g.id()).orElseThrow().subscribers()).extracting(Subscriber::mobileNumber)
                .containsExactly("+15550100105", "+15550100106");

        Reply again = api("PUT", path + "/add", "{\"subscribers\":[\"+15550100105\",\"0105\"]}");
        assertThat(again.json().get("result").get("+15550100105").get("isAdded").asBoolean()).isFalse();
        assertThat(again.json().get("result").get("+15550100105").get("reason").asText())
                .isEqualTo("AlreadySubscribed");
        assertThat(again.json().get("result").get("0105").get("isAdded").asBoolean()).isFalse();

        Reply removed = api("PUT", path + "/remove", "{\"subscribers\":[\"+15550100105\",\"+15550100109\"]}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("result").get("+15550100105").get("isRemoved").asBoolean()).isTrue();
        assertThat(removed.json().get("result").get("+15550100109").get("isRemoved").asBoolean()).isFalse();
        assertThat(sim.state().group(g.id()).orElseThrow().subscribers()).extracting(Subscriber::mobileNumber)
                .containsExactly("+15550100106");
        JsonNode listed = api("POST", path, "{\"count\":50}").json();
        assertThat(listed.get("subscribers")).hasSize(1);
        assertThat(listed.has("cursor")).isFalse();
    }

    @Test
    void badInputPlainGroupsAndPermissions() {
        Group plain = sim.state().createGroup("Plain", "+15550100001");
        Group pub = sim.state().createPublicGroup("Public", "+15550100001");
        sim.state().addSubscribers(pub.id(), "+15550100105");
        String path = "/groups/" + pub.id() + "/subscribers";

        assertError(api("POST", "/groups/" + plain.id() + "/subscribers", "{\"count\":10}"), 400, "NotAPublicGroup",
                plain.id());
        assertError(api("PUT", "/groups/" + plain.id() + "/subscribers/add", "{\"subscribers\":[\"+15550100105\"]}"),
                400,
                "NotAPublicGroup", "ConnectGroup");
        assertError(api("PUT", "/groups/" + plain.id() + "/subscribers/remove", "{\"subscribers\":[\"+15550100105\"]}"),
                400,
                "NotAPublicGroup", "ConnectGroup");
        assertError(api("POST", path, "{\"count\":51}"), 400, "InvalidField", "count");
        assertError(api("POST", path, "{\"count\":0}"), 400, "InvalidField", "count");
        assertError(api("POST", path, "{\"count\":\"many\"}"), 400, "InvalidField", "count");
        assertError(api("POST", path, "{\"cursor\":\"not-a-cursor\"}"), 400, "InvalidField", "cursor");
        assertError(api("PUT", path + "/add", "{}"), 400, "MissingField", "subscribers");
        assertError(api("PUT", path + "/add", "{\"subscribers\":[]}"), 400, "InvalidField", "subscribers");
        assertError(api("PUT", path + "/remove", "{\"subscribers\":\"+15550100105\"}"), 400, "InvalidField",
                "subscribers");
        assertError(api("POST", "/groups/unknown/subscribers", "{}"), 404, "GroupNotFound", "unknown");

        token = accessTokenFor("+15550100001"); // a member, not an admin
        assertThat(api("POST", path, "{}").status()).isEqualTo(200);
        assertThat(api("PUT", path + "/add", "{\"subscribers\":[\"+15550100107\"]}").status()).isEqualTo(403);
        assertThat(api("PUT", path + "/remove", "{\"subscribers\":[\"+15550100105\"]}").status()).isEqualTo(403);
        assertThat(sim.state().group(pub.id()).orElseThrow().subscribers()).hasSize(1);
    }

    @Test
    void messagesRecordWhichSubscribersReceivedThem() {
        Group g = sim.state().createPublicGroup("Customers");
        sim.state().addSubscribers(g.id(), "+15550100105", "+15550100106", "+15550100107");
        String path = "/groups/" + g.id() + "/messages";

        assertThat(api("POST", path, "{\"message\":\"to all\",\"sendToAllSubscribers\":true}").status()).isEqualTo(200);
        assertThat(api("POST", path,
                "{\"message\":\"to one\",\"subscribers\":[\"+15550100106\"],\"sendToAllSubscribers\":false}")
                .status()).isEqualTo(200);
        assertThat(api("POST", path, "{\"message\":\"to the group\"}").status()).isEqualTo(200);
        assertError(api("POST", path, "{\"message\":\"x\",\"subscribers\":[\"+15550100199\"]}"), 400, "NotASubscriber",
                "+15550100199");

        assertThat(sim.state().group(g.id()).orElseThrow().messages()).extracting(Message::text, Message::recipients)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("to all",
                                List.of("+15550100105", "+15550100106", "+15550100107")),
                        org.assertj.core.groups.Tuple.tuple("to one", List.of("+15550100106")),
                        org.assertj.core.groups.Tuple.tuple("to the group", List.of()));
    }
}
