package org.apache.camel.component.kaizala;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 deliveries to the consumer — 10 % duplicates, 5 % forged tokens, 2 % malformed bodies, and a route that
 * fails the first time for one event in ten (the sender, like Kaizala, delivers again after a 5xx): exactly the valid
 * unique events are processed, each once. Bounded: a fixed count, a fixed seed, at most five attempts per delivery.
 */
class ConsumerSoakTest extends EventsTestSupport {

    private static final int DELIVERIES = 10_000;
    private static final int MAX_ATTEMPTS = 5;

    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private String groupId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Soak");
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(eventsUri(groupId, "webhookAutoRegister=false"))
                        .process(exchange -> {
                            String eventId = exchange.getMessage().getHeader(KaizalaConstants.EVENT_ID, String.class);
                            if (Math.floorMod(eventId.hashCode(), 10) == 0 && failedOnce.add(eventId)) {
                                throw new IllegalStateException("a transient failure of the route");
                            }
                            processed.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                        });
            }
        };
    }

    private record Delivery(String eventId, String body, boolean forged, boolean malformed) {}

    /** Whatever a test left behind: every exchange of the context must complete, none may hang. */
    @AfterEach
    void everyExchangeCompleted() throws InterruptedException {
        ExchangesComplete.assertNoneLeft(context, java.time.Duration.ofSeconds(30));
    }

    @Test
    void exactlyTheValidUniqueEventsAreProcessedOnce() throws Exception {
        Random random = new Random(4242);
        List<Delivery> deliveries = new ArrayList<>();
        List<Delivery> valid = new ArrayList<>();
        int unique = 0;
        for (int i = 0; i < DELIVERIES; i++) {
            double roll = random.nextDouble();
            if (roll < 0.05) {
                deliveries.add(new Delivery("forged-" + i, event("forged-" + i, i), true, false));
            } else if (roll < 0.07) {
                deliveries.add(new Delivery(null, "{\"eventId\": \"broken-" + i + "\", \"data\": ", false, true));
            } else if (roll < 0.17 && !valid.isEmpty()) {
                deliveries.add(valid.get(random.nextInt(valid.size())));
            } else {
                Delivery delivery = new Delivery("event-" + i, event("event-" + i, i), false, false);
                valid.add(delivery);
                deliveries.add(delivery);
                unique++;
            }
        }
        Collections.shuffle(deliveries.subList(deliveries.size() / 2, deliveries.size()), random);

        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger redeliveries = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Delivery delivery : deliveries) {
                sent.add(senders.submit(() -> {
                    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                        HttpResponse<String> answer = post(callbackUrl(groupId), delivery.body(),
                                Map.of("kz-callback-token", delivery.forged() ? "forged-token" : CALLBACK_TOKEN));
                        answers.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.statusCode() < 500) {
                            return null;
                        }
                        redeliveries.incrementAndGet();
                    }
                    throw new AssertionError(
                            "still failing after " + MAX_ATTEMPTS + " attempts: " + delivery.eventId());
                }));
            }
            for (Future<?> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        long forged = deliveries.stream().filter(Delivery::forged).count();
        long malformed = deliveries.stream().filter(Delivery::malformed).count();
        System.out.printf("Consumer soak: %d deliveries (%d unique valid, %d duplicates, %d forged, %d malformed) "
                + "+ %d redeliveries after a 5xx in %d ms; answers %s; processed %d%n",
                DELIVERIES, unique, DELIVERIES - unique - forged - malformed, forged, malformed, redeliveries.get(),
                millis,
                answers, processed.size());

        assertThat(processed.keySet())
                .containsExactlyInAnyOrderElementsOf(valid.stream().map(Delivery::eventId).toList());
        assertThat(processed.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(answers.get(401).get()).isEqualTo((int) forged);
        assertThat(answers.get(400).get()).isEqualTo((int) malformed);
        assertThat(answers.get(500).get()).isEqualTo(failedOnce.size());
        // a duplicate that arrives while its event is still being routed is answered 503 "try later", and sent again
        int tryLater = answers.getOrDefault(503, new AtomicInteger()).get();
        assertThat(redeliveries.get()).isEqualTo(failedOnce.size() + tryLater);
        assertThat(failedOnce).isNotEmpty();
    }

    private String event(String eventId, int i) {
        return "{\"objectId\": \"" + groupId + "\", \"objectType\": \"Group\", \"eventType\": \"TextMessageCreated\", "
                + "\"eventId\": \"" + eventId + "\", \"data\": {\"text\": \"message " + i
                + "\"}, \"fromUser\": \"+15550100001\"}";
    }
}
