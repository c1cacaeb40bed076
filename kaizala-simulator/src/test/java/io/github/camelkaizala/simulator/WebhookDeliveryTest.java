package io.github.camelkaizala.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** §12.1: asynchronous delivery, retries, auto-disable, duplicates, inactive webhooks, shutdown. */
class WebhookDeliveryTest extends WebhookTestSupport {

    static final String MEERA = "+919800000102";

    @Test
    void inactiveDeletedAndExpiredWebhooksReceiveNothing() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        String live = subscribe(g.id(), "Group", callback.url("/live"), null, null, List.of("TextMessageCreated"));
        String createdInactive = api("POST", "/webhook", "{\"objectId\":\"" + g.id() + "\",\"objectType\":\"Group\","
                + "\"eventTypes\":[\"TextMessageCreated\"],\"callBackUrl\":\"" + callback.url("/inactive")
                + "\",\"Active\":false}")
                .json().get("webhookId").asText();
        String paused = subscribe(g.id(), "Group", callback.url("/paused"), null, null, List.of("TextMessageCreated"));
        String deleted = subscribe(g.id(), "Group", callback.url("/deleted"), null, null,
                List.of("TextMessageCreated"));
        long soon = Instant.now().plusMillis(300).toEpochMilli();
        String expired = api("POST", "/webhook", "{\"objectId\":\"" + g.id() + "\",\"objectType\":\"Group\","
                + "\"eventTypes\":[\"TextMessageCreated\"],\"callBackUrl\":\"" + callback.url("/expired")
                + "\",\"validity\":" + soon + "}")
                .json().get("webhookId").asText();
        assertThat(api("PUT", "/webhook/" + paused, "{\"Active\":\"false\"}").status()).isEqualTo(200);
        assertThat(api("DELETE", "/webhook/" + deleted, null).status()).isEqualTo(200);
        Thread.sleep(Math.max(0, soon - System.currentTimeMillis()) + 20);

        sim.human(MEERA).postText(g.id(), "only the live one hears this");
        assertThat(sim.awaitIdle(WAIT)).isTrue();

        assertThat(sim.deliveries()).extracting(Delivery::webhookId).containsExactly(live);
        assertThat(callback.posts()).extracting(CallbackServer.Received::path).containsExactly("/live");
        assertThat(sim.webhooks().events().get(0).webhookIds()).containsExactly(live);
        assertThat(List.of(createdInactive, paused, expired))
                .allSatisfy(id -> assertThat(sim.webhooks().deliveries(id)).isEmpty());
    }

    @Test
    void aWebhookDeactivatedWhileItsDeliveryWaitsGetsNothingMore() throws Exception {
        restart(KaizalaSimulator.builder().webhookRetryDelays(Duration.ofMillis(300)));
        Group g = sim.state().createGroup("Team", MEERA);
        String id = subscribeGroup(g.id(), "TextMessageCreated");
        callback.answerNext(500);

        sim.human(MEERA).postText(g.id(), "first");
        waitForAttempts(1);
        assertThat(api("PUT", "/webhook/" + id, "{\"Active\":false}").status()).isEqualTo(200);
        assertThat(sim.awaitIdle(WAIT)).isTrue();

        assertThat(sim.deliveries()).extracting(Delivery::status).containsExactly(500);
        assertThat(callback.posts()).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackOffAndLaterEventsWait() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        String id = subscribe(g.id(), "Group", callback.url(), "tok", "ctx", List.of("TextMessageCreated"));
        callback.answerNext(500, 503);

        sim.human(MEERA).postText(g.id(), "first");
        sim.human(MEERA).postText(g.id(), "second");
        List<Delivery> delivered = sim.awaitDelivered(2, WAIT);
        assertThat(sim.awaitIdle(WAIT)).isTrue();

        List<Delivery> all = sim.deliveries();
        assertThat(all).extracting(Delivery::attempt, Delivery::status)
                .containsExactly(tuple(1, 500), tuple(2, 503), tuple(3, 200), tuple(1, 200));
        assertThat(all.subList(0, 3)).extracting(Delivery::eventId).containsOnly(delivered.get(0).eventId());
        assertThat(all.subList(0, 3)).extracting(Delivery::body).containsOnly(delivered.get(0).body());
        assertThat(Duration.between(all.get(0).at(), all.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        assertThat(Duration.between(all.get(1).at(), all.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(95));
        assertThat(callback.posts()).extracting(p -> p.json().get("data").get("text").asText())
                .containsExactly("first", "first", "first", "second"); // per-webhook order
        assertThat(callback.posts()).extracting(p -> p.header("kz-callback-token")).containsOnly("tok");
        assertThat(sim.state().webhook(id).orElseThrow().active()).isTrue();
    }

    @Test
    void afterTheLastRetryTheWebhookIsDisabledUntilReactivated() throws Exception {
        restart(KaizalaSimulator.builder().webhookRetryDelays(Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(30)));
        Group g = sim.state().createGroup("Team", MEERA);
        String id = subscribeGroup(g.id(), "TextMessageCreated");
        callback.answerAlways(500);

        sim.human(MEERA).postText(g.id(), "lost");
        assertThat(sim.awaitIdle(WAIT)).isTrue();

        assertThat(sim.deliveries()).extracting(Delivery::attempt, Delivery::status)
                .containsExactly(tuple(1, 500), tuple(2, 500), tuple(3, 500), tuple(4, 500));
        assertThat(sim.state().webhook(id).orElseThrow().active()).isFalse();
        assertThat(api("GET", "/webhook?objectId=" + g.id() + "&objectType=Group", null).json().get("webhooks").get(0)
                .get("active").asBoolean()).isFalse();

        sim.human(MEERA).postText(g.id(), "while disabled");
        assertThat(sim.webhooks().events().get(1).webhookIds()).isEmpty();

        callback.answerAlways(200);
        assertThat(api("PUT", "/webhook/" + id, "{\"Active\":true}").status()).isEqualTo(200);
        assertThat(sim.state().webhook(id).orElseThrow().active()).isTrue();
        sim.human(MEERA).postText(g.id(), "back");
        Delivery back = sim.awaitDelivered(1, WAIT).get(0);
        assertThat(back.json().get("data").get("text").asText()).isEqualTo("back");
        assertThat(callback.posts()).hasSize(5); // nothing replayed
    }

    @Test
    void anUnreachableCallbackCountsAsFailedAndWithoutRetriesDisablesAtOnce() throws Exception {
        restart(KaizalaSimulator.builder().validateCallbacks(false).webhookRetryDelays());
        Group g = sim.state().createGroup("Team", MEERA);
        String id = subscribe(g.id(), "Group", "http://127.0.0.1:" + closedPort() + "/hook", null, null,
                List.of("TextMessageCreated"));

        sim.human(MEERA).postText(g.id(), "nobody home");
        assertThat(sim.awaitIdle(WAIT)).isTrue();

        assertThat(sim.deliveries()).extracting(Delivery::attempt, Delivery::status).containsExactly(tuple(1, -1));
        assertThat(sim.state().webhook(id).orElseThrow().active()).isFalse();
    }

    @Test
    void theRealScheduleIsSixDoublingRetriesOverTwoDaysAndScales() {
        assertThat(Webhooks.REAL_RETRY_DELAYS).hasSize(6);
        assertThat(Webhooks.REAL_RETRY_DELAYS.stream().reduce(Duration.ZERO, Duration::plus))
                .isBetween(Duration.ofHours(48).minusSeconds(1), Duration.ofHours(48));
        assertThat(Webhooks.REAL_RETRY_DELAYS.get(5)).isEqualTo(Webhooks.REAL_RETRY_DELAYS.get(0).multipliedBy(32));
        assertThat(Webhooks.DEFAULT_RETRY_DELAYS).extracting(Duration::toMillis).containsExactly(50L, 100L, 200L, 400L,
                800L, 1600L);
        assertThatThrownBy(() -> KaizalaSimulator.builder().webhookTimeScale(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaizalaSimulator.builder().duplicateRate(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaizalaSimulator.builder().webhookRetryDelays(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTimeScaleShortensTheRealSchedule() throws Exception {
        restart(KaizalaSimulator.builder().webhookTimeScale(1e-5)); // 27 ms, 55 ms, …
        Group g = sim.state().createGroup("Team", MEERA);
        subscribeGroup(g.id(), "TextMessageCreated");
        callback.answerNext(500);

        sim.human(MEERA).postText(g.id(), "soon");
        sim.awaitDelivered(1, WAIT);
        List<Delivery> all = sim.deliveries();
        assertThat(all).extracting(Delivery::status).containsExactly(500, 200);
        assertThat(Duration.between(all.get(0).at(), all.get(1).at())).isBetween(Duration.ofMillis(20),
                Duration.ofSeconds(3));
    }

    @Test
    void duplicatesCarryTheSameEventIdAndBody() throws Exception {
        restart(KaizalaSimulator.builder().duplicateRate(1.0));
        Group g = sim.state().createGroup("Team", MEERA);
        subscribeGroup(g.id(), "TextMessageCreated");

        sim.human(MEERA).postText(g.id(), "twice");
        List<Delivery> d = sim.awaitDelivered(2, WAIT);
        assertThat(sim.awaitIdle(WAIT)).isTrue();
        assertThat(sim.deliveries()).hasSize(2); // a duplicate is not duplicated again
        assertThat(d).extracting(Delivery::duplicate).containsExactly(false, true);
        assertThat(d.get(1).eventId()).isEqualTo(d.get(0).eventId());
        assertThat(d.get(1).body()).isEqualTo(d.get(0).body());
        assertThat(callback.posts()).extracting(CallbackServer.Received::body).containsExactly(d.get(0).body(),
                d.get(0).body());

        assertThat(sim.webhooks().redeliver(d.get(0).eventId())).isEqualTo(1);
        List<Delivery> three = sim.awaitDelivered(3, WAIT);
        assertThat(three.get(2).duplicate()).isTrue();
        assertThat(three.get(2).body()).isEqualTo(d.get(0).body());
        assertThatThrownBy(() -> sim.webhooks().redeliver("no-such-event"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redeliverWithoutDuplicateRate() throws Exception {
        Group g = sim.state().createGroup("Team", MEERA);
        String a = subscribe(g.id(), "Group", callback.url("/a"), null, null, List.of("TextMessageCreated"));
        String b = subscribe(g.id(), "Group", callback.url("/b"), null, "B", List.of("TextMessageCreated"));
        sim.human(MEERA).postText(g.id(), "once");
        assertThat(sim.awaitIdle(WAIT)).isTrue();
        assertThat(sim.deliveries()).hasSize(2).extracting(Delivery::duplicate).containsOnly(false);

        String eventId = sim.deliveries().get(0).eventId();
        assertThat(sim.webhooks().redeliver(eventId)).isEqualTo(2);
        assertThat(sim.awaitIdle(WAIT)).isTrue();
        assertThat(callback.posts("/a")).extracting(CallbackServer.Received::body)
                .containsOnly(sim.webhooks().deliveries(a).get(0).body());
        assertThat(callback.posts("/b")).hasSize(2).extracting(p -> p.json().get("context").asText()).containsOnly("B");
        assertThat(sim.webhooks().deliveries(b)).extracting(Delivery::duplicate).containsExactly(false, true);
    }

    @Test
    void aSlowCallbackNeverSlowsTheApiCall() throws Exception {
        Group g = sim.state().createGroup("Team");
        subscribeGroup(g.id(), "TextMessageCreated");
        callback.postDelay(Duration.ofMillis(2000));

        long start = System.nanoTime();
        Reply r = api("POST", "/groups/" + g.id() + "/messages", "{\"message\":\"hi\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.status()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(sim.webhooks().pending()).isEqualTo(1);
        assertThat(sim.awaitDelivered(1, WAIT).get(0).json().get("fromUser").asText())
                .isEqualTo(KaizalaSimulator.DEFAULT_USER_MOBILE);
    }

    @Test
    void aSlowCallbackTimesOutAndIsRetried() throws Exception {
        restart(KaizalaSimulator.builder().deliveryTimeout(Duration.ofMillis(200))
                .webhookRetryDelays(Duration.ofMillis(10)));
        Group g = sim.state().createGroup("Team", MEERA);
        String id = subscribeGroup(g.id(), "TextMessageCreated");
        callback.postDelay(Duration.ofMillis(600));

        sim.human(MEERA).postText(g.id(), "slow");
        assertThat(sim.awaitIdle(WAIT)).isTrue();
        assertThat(sim.deliveries()).extracting(Delivery::status).containsExactly(-1, -1);
        assertThat(sim.state().webhook(id).orElseThrow().active()).isFalse();
    }

    @Test
    void closeCancelsPendingRetriesAndInFlightDeliveriesPromptly() throws Exception {
        restart(KaizalaSimulator.builder().webhookRetryDelays(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        Group g = sim.state().createGroup("Team", MEERA);
        subscribe(g.id(), "Group", callback.url("/failing"), null, null, List.of("TextMessageCreated"));
        try (CallbackServer slow = CallbackServer.start()) {
            slow.postDelay(Duration.ofSeconds(5));
            subscribe(g.id(), "Group", slow.url("/slow"), null, null, List.of("TextMessageCreated"));
            callback.answerAlways(500);

            sim.human(MEERA).postText(g.id(), "never delivered");
            waitForAttempts(1);
            slow.awaitPosts(1, WAIT);
            assertThat(sim.webhooks().pending()).isEqualTo(2);

            long start = System.nanoTime();
            sim.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofMillis(2000)); // a retry waits 30 s, the slow callback 5 s
            assertThat(sim.webhooks().pending()).isZero();
            assertThat(sim.awaitIdle(Duration.ofMillis(10))).isTrue();
            assertThat(sim.deliveries()).extracting(Delivery::status).containsExactly(500);
        }
    }

    @Test
    void sendPostsARawBodyWithExactlyTheGivenHeaders() throws Exception {
        Group g = sim.state().createGroup("Team");
        String id = subscribe(g.id(), "Group", callback.url(), "real-token", null, List.of("MemberAdded"));
        callback.answerNext(401);

        int status = sim.webhooks().send(id, "{not json",
                Map.of("kz-callback-token", "forged", "Content-Type", "application/json"));
        int big = sim.webhooks().send(id, "x".repeat(1_000_000), Map.of());

        assertThat(status).isEqualTo(401);
        assertThat(big).isEqualTo(200);
        List<CallbackServer.Received> posts = callback.posts();
        assertThat(posts.get(0).body()).isEqualTo("{not json");
        assertThat(posts.get(0).header("kz-callback-token")).isEqualTo("forged");
        assertThat(posts.get(1).body()).hasSize(1_000_000);
        assertThat(posts.get(1).header("kz-callback-token")).isNull();
        assertThat(posts.get(1).header("Content-Type")).isNull();
        assertThat(sim.deliveries()).isEmpty();
        assertThatThrownBy(() -> sim.webhooks().send("nope", "{}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void awaitDeliveredTimesOutWithADescription() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> sim.awaitDelivered(1, Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("waiting for 1 deliveries");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private void waitForAttempts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sim.deliveries().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no delivery attempt within " + WAIT);
            }
            Thread.sleep(5);
        }
    }
}
