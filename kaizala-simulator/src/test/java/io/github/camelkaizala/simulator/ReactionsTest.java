package io.github.camelkaizala.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkaizala.simulator.KaizalaSimulator.DEFAULT_USER_MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

class ReactionsTest extends SimulatorTestSupport {

    private String post(Group g, String text) {
        return api("POST", "/groups/" + g.id() + "/messages", "{\"message\":\"" + text + "\"}").json()
                .get("referenceId").asText();
    }

    private Reply react(Group path, Group source, String referenceId, String type, String comment) {
        return api("POST", "/groups/" + path.id() + "/reaction",
                "{\"referenceId\":\"" + referenceId + "\",\"sourceGroupId\":\""
                        + source.id() + "\",\"reactionType\":\"" + type + "\""
                        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
    }

    @Test
    void likesCommentsAndSummaries() {
        Group g = sim.state().createGroup("Team", "+15550100001");
        Action survey = sim.state().createSurvey(g.id(), "Stock", "Count?");
        String message = post(g, "hello");

        Reply like = react(g, g, survey.referenceId(), "Like", null);
        assertThat(like.status()).as(like.body()).isEqualTo(200);
        String likeId = like.json().get("reactionId").asText();
        assertThat(react(g, g, survey.referenceId(), "like", null).json().get("reactionId").asText()).isEqualTo(likeId); // once
        assertThat(react(g, g, survey.referenceId(), "Comment", "Done for store 17").status()).isEqualTo(200);
        assertThat(react(g, g, survey.referenceId(), "Comment", "And 18").status()).isEqualTo(200);
        assertThat(react(g, g, message, "Comment", "Hi!").status()).isEqualTo(200);
        token = accessTokenFor("+15550100001");
        assertThat(react(g, g, survey.referenceId(), "Like", null).status()).isEqualTo(200);

        List<Reaction> stored = sim.state().group(g.id()).orElseThrow().reactions();
        assertThat(stored).extracting(Reaction::reactionType, Reaction::mobileNumber, Reaction::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Like", DEFAULT_USER_MOBILE, null),
                        org.assertj.core.groups.Tuple.tuple("Comment", DEFAULT_USER_MOBILE, "Done for store 17"),
                        org.assertj.core.groups.Tuple.tuple("Comment", DEFAULT_USER_MOBILE, "And 18"),
                        org.assertj.core.groups.Tuple.tuple("Comment", DEFAULT_USER_MOBILE, "Hi!"),
                        org.assertj.core.groups.Tuple.tuple("Like", "+15550100001", null));
        assertThat(stored.get(0).reactionId()).isEqualTo(likeId);
        assertThat(stored.get(0).groupId()).isEqualTo(g.id());

        Reply summary = api("GET",
                "/groups/" + g.id() + "/reaction/" + survey.referenceId() + "/summary?sourceGroupId=" + g.id(), null);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        JsonNode s = summary.json().get("summary").get(0);
        assertThat(s.get("referenceId").asText()).isEqualTo(survey.referenceId());
        assertThat(s.get("reactionsCountMap").get("like").asInt()).isEqualTo(2);
        assertThat(s.get("reactionsCountMap").get("comment").asInt()).isEqualTo(2);

        Reply groupSummary = api("GET", "/groups/" + g.id() + "/reaction/summary?sourceGroupId=" + g.id() + "&cursor=0",
                null);
        assertThat(groupSummary.status()).as(groupSummary.body()).isEqualTo(200);
        assertThat(groupSummary.json().get("cursor").asLong()).isEqualTo(stored.get(4).cursor());
        assertThat(groupSummary.json().get("summary")).hasSize(2);
        assertThat(groupSummary.json().get("summary").get(0).get("referenceId").asText()).isEqualTo(message); // cards by their latest reaction, oldest first
        assertThat(groupSummary.json().get("summary").get(1).get("reactionsCountMap").get("like").asInt()).isEqualTo(2);

        Reply comments = api("GET",
                "/groups/" + g.id() + "/reaction/" + survey.referenceId() + "?sourceGroupId=" + g.id()
                        + "&reactionType=Comment&cursor=0",
                null);
        assertThat(comments.status()).as(comments.body()).isEqualTo(200);
        JsonNode details = comments.json().get("reactionDetails");
        assertThat(details).hasSize(2);
        assertThat(details.get(0).get("reactionId").asText()).isEqualTo(stored.get(1).reactionId());
        assertThat(details.get(0).get("userId").asText()).isEqualTo(g.member(DEFAULT_USER_MOBILE).orElseThrow().id());
        assertThat(details.get(0).get("lastModifiedTime").asLong()).isEqualTo(stored.get(1).at().toEpochMilli());
        assertThat(details.get(0).get("comment").asText()).isEqualTo("Done for store 17");
        assertThat(comments.json().get("cursor").asLong()).isEqualTo(stored.get(2).cursor());
        // passing the cursor back: nothing new yet
        Reply none = api("GET", "/groups/" + g.id() + "/reaction/" + survey.referenceId() + "?sourceGroupId=" + g.id()
                + "&reactionType=Comment&cursor=" + stored.get(2).cursor(), null);
        assertThat(none.json().get("reactionDetails")).isEmpty();
        assertThat(none.json().get("cursor").asLong()).isEqualTo(stored.get(2).cursor());
    }

    @Test
    void cursorPagingReturnsEveryReactionOnce() {
        Group g = sim.state().createGroup("Team");
        String ref = post(g, "busy card");
        for (int i = 0; i < 120; i++) {
            assertThat(react(g, g, ref, "Comment", "c" + i).status()).isEqualTo(200);
        }
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = "0";
        while (true) {
            JsonNode page = api("GET", "/groups/" + g.id() + "/reaction/" + ref + "?sourceGroupId=" + g.id()
                    + "&reactionType=Comment&cursor=" + cursor, null).json();
            if (page.get("reactionDetails").isEmpty()) {
                break;
            }
            sizes.add(page.get("reactionDetails").size());
            page.get("reactionDetails").forEach(r -> seen.add(r.get("comment").asText()));
            cursor = page.get("cursor").asText();
        }
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(seen)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 120).mapToObj(i -> "c" + i).toList());

        // the group summary pages by card the same way
        for (int i = 0; i < 59; i++) {
            react(g, g, post(g, "m" + i), "Like", null);
        }
        List<String> cards = new ArrayList<>();
        cursor = null; // absent = from the start
        while (true) {
            JsonNode page = api("GET", "/groups/" + g.id() + "/reaction/summary?sourceGroupId=" + g.id()
                    + (cursor == null ? "" : "&cursor=" + cursor), null).json();
            if (page.get("summary").isEmpty()) {
                break;
            }
            page.get("summary").forEach(r -> cards.add(r.get("referenceId").asText()));
            cursor = page.get("cursor").asText();
        }
        assertThat(cards).hasSize(60).doesNotHaveDuplicates();
        assertThat(new HashSet<>(cards)).contains(ref);
    }

    @Test
    void concurrentReactionsAllCountWithDistinctCursors() throws Exception {
        Group g = sim.state().createGroup("Busy");
        String ref = post(g, "popular");
        java.net.URI uri = java.net.URI.create(sim.endpointUrl() + "v1/groups/" + g.id() + "/reaction");
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> sends = java.util.stream.IntStream
                .range(0, 100).mapToObj(i -> java.net.http.HttpRequest.newBuilder(uri)
                        .header("accessToken", token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"referenceId\":\"" + ref
                                + "\",\"sourceGroupId\":\"" + g.id() + "\",\"reactionType\":\"Comment\",\"comment\":\"c"
                                + i + "\"}"))
                        .build())
                .map(req -> CLIENT.sendAsync(req, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .toList();
        java.util.concurrent.CompletableFuture.allOf(sends.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(20, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(sends).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        List<Reaction> stored = sim.state().group(g.id()).orElseThrow().reactions();
        assertThat(stored).hasSize(100);
        assertThat(stored).extracting(Reaction::cursor).doesNotHaveDuplicates().isSorted();
        JsonNode first = api("GET", "/groups/" + g.id() + "/reaction/" + ref + "/summary?sourceGroupId=" + g.id(), null)
                .json();
        assertThat(first.get("summary").get(0).get("reactionsCountMap").get("comment").asInt()).isEqualTo(100);
    }

    @Test
    void reactionsOnASubGroupThroughItsParent() {
        Group parent = sim.state().createGroup("Region");
        Group child = sim.state().createSubGroup(parent.id(), "Store 17");
        Group unrelated = sim.state().createGroup("Unrelated");
        String ref = post(child, "shelf done");

        assertThat(react(parent, child, ref, "Like", null).status()).isEqualTo(200);
        assertThat(sim.state().group(child.id()).orElseThrow().reactions()).hasSize(1);
        assertThat(
                api("GET", "/groups/" + parent.id() + "/reaction/" + ref + "/summary?sourceGroupId=" + child.id(), null)
                        .json().get("summary").get(0).get("reactionsCountMap").get("like").asInt())
                .isEqualTo(1);
        assertError(react(parent, unrelated, ref, "Like", null), 400, "InvalidField", "sourceGroupId");
        assertError(react(child, parent, ref, "Like", null), 400, "InvalidField", "sourceGroupId");
    }

    @Test
    void badInputAndUnknownIds() {
        Group g = sim.state().createGroup("Team");
        String ref = post(g, "card");
        String base = "/groups/" + g.id() + "/reaction";

        assertError(api("POST", base, "{\"sourceGroupId\":\"" + g.id() + "\",\"reactionType\":\"Like\"}"), 400,
                "MissingField",
                "referenceId");
        assertError(api("POST", base, "{\"referenceId\":\"" + ref + "\",\"reactionType\":\"Like\"}"), 400,
                "MissingField",
                "sourceGroupId");
        assertError(react(g, g, ref, "Love", null), 400, "InvalidField", "reactionType");
        assertError(react(g, g, ref, "Comment", null), 400, "MissingField", "comment");
        assertError(react(g, g, "no-such-card", "Like", null), 404, "ReferenceNotFound", "no-such-card");
        assertError(
                api("POST", base,
                        "{\"referenceId\":\"" + ref + "\",\"sourceGroupId\":\"nope\",\"reactionType\":\"Like\"}"),
                404,
                "GroupNotFound", "nope");
        assertError(
                api("POST", "/groups/unknown/reaction", "{\"referenceId\":\"" + ref + "\",\"sourceGroupId\":\"" + g.id()
                        + "\",\"reactionType\":\"Like\"}"),
                404, "GroupNotFound", "unknown");

        assertError(api("GET", base + "/" + ref + "/summary", null), 400, "MissingField", "sourceGroupId");
        assertError(api("GET", base + "/summary?sourceGroupId=" + g.id() + "&cursor=soon", null), 400, "InvalidField",
                "cursor");
        assertError(api("GET", base + "/" + ref + "?sourceGroupId=" + g.id() + "&cursor=0", null), 400, "MissingField",
                "reactionType");
        assertError(api("GET", base + "/" + ref + "?sourceGroupId=" + g.id() + "&reactionType=Love", null), 400,
                "InvalidField",
                "reactionType");
        assertError(api("GET", base + "/no-such-card/summary?sourceGroupId=" + g.id(), null), 404, "ReferenceNotFound",
                "no-such-card");
        assertError(api("GET", base + "/no-such-card?sourceGroupId=" + g.id() + "&reactionType=Like", null), 404,
                "ReferenceNotFound", "no-such-card");
        assertThat(api("POST", base + "/summary", "{}").status()).isEqualTo(405);
        assertThat(sim.state().group(g.id()).orElseThrow().reactions()).isEmpty();

        token = accessTokenFor("+15550100009"); // not a member
        assertThat(react(g, g, ref, "Like", null).status()).isEqualTo(403);
        assertThat(api("GET", base + "/summary?sourceGroupId=" + g.id(), null).status()).isEqualTo(403);
    }
}
