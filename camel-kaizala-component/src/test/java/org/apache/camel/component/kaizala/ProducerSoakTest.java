package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.Message;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2,000 messages through a route with a dead letter channel while the simulator answers about one call in five with
 * 429, 500, 503, 308 or a dropped connection: every message ends in the group or in the dead letter endpoint, none
 * vanishes, and a duplicate can only come from a redelivery the docs call ambiguous. Bounded in count and time.
 */
class ProducerSoakTest extends KaizalaTestSupport {

    private static final int MESSAGES = 2000;

    private final Set<String> deadLettered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ambiguousRedeliveries = new AtomicInteger();
    private final AtomicInteger redeliveries = new AtomicInteger();
    private String groupId;

    @Override
    protected void configure(KaizalaConfiguration configuration) {
        super.configure(configuration);
        configuration.setRetryInitialDelay(5);
        configuration.setRetryMaxDelay(50);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        groupId = newGroup("Soak");
        return new RouteBuilder() {

            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead").maximumRedeliveries(2).redeliveryDelay(0)
                        .onRedelivery(exchange -> {
                            redeliveries.incrementAndGet();
                            if (ambiguous(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))) {
                                ambiguousRedeliveries.incrementAndGet();
                            }
                        }));
                from("seda:soak?concurrentConsumers=8&size=" + MESSAGES).routeId("soak")
                        .to("kaizala:messages?groupId=" + groupId);
                from("direct:dead").process(exchange -> deadLettered.add(exchange.getMessage().getBody(String.class)));
            }
        };
    }

    /** A POST that may have been processed: its answer was lost, or it was a 5xx without Retry-After. */
    private static boolean ambiguous(Exception e) {
        if (e instanceof KaizalaApiException api) {
            return api.getStatusCode() >= 500 && api.getRetryAfter() == null;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Whatever a test left behind: every exchange of the context must complete, none may hang. */
    @AfterEach
    void everyExchangeCompleted() throws InterruptedException {
        ExchangesComplete.assertNoneLeft(context, java.time.Duration.ofSeconds(30));
    }

    @Test
    void noMessageIsLostUnderFaults() throws Exception {
        simulator.faults().random(0.2, 2026, "POST", "/groups/.*/messages",
                Fault.status(429).retryAfter("0"), Fault.status(500), Fault.status(503).retryAfter("0"),
                Fault.status(503),
                Fault.reset());
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("soak").whenDone(MESSAGES).create();

        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            if (i % 400 == 200) {
                simulator.faults().next(1, "POST", "/groups/.*/messages", Fault.relocate()); // the user moves cluster
            }
            template.sendBody("seda:soak", "soak message " + i);
        }
        assertThat(done.matches(120, TimeUnit.SECONDS)).as("all messages done within two minutes").isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        simulator.faults().clear();

        List<String> stored = simulator.state().group(groupId).orElseThrow().messages().stream().map(Message::text)
                .toList();
        Set<String> delivered = new HashSet<>(stored);
        Set<String> accounted = new HashSet<>(delivered);
        accounted.addAll(deadLettered);
        int duplicates = stored.size() - delivered.size();
        long faulted = simulator.journal().matching("POST", "/groups/.*/messages").stream()
                .filter(r -> r.status() != 200 && r.status() != 308).count(); // 308s follow the scripted moves
        long calls = simulator.journal().count("POST", "/groups/.*/messages");
        var statuses = simulator.journal().matching("POST", "/groups/.*/messages").stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.status(), java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
        System.out.printf(
                "Producer soak: sent %d, delivered %d, dead-lettered %d (%d of them also delivered), duplicated %d,"
                        + " lost %d; %d of %d calls answered with an injected fault %s, %d redeliveries (%d ambiguous), %d ms%n",
                MESSAGES, delivered.size(), deadLettered.size(),
                deadLettered.stream().filter(delivered::contains).count(),
                duplicates, MESSAGES - accounted.size(), faulted, calls, statuses, redeliveries.get(),
                ambiguousRedeliveries.get(),
                millis);

        assertThat(accounted).as("every message is in the group or dead-lettered").hasSize(MESSAGES);
        assertThat(duplicates).as("duplicates only from ambiguous redeliveries")
                .isLessThanOrEqualTo(ambiguousRedeliveries.get());
        assertThat((double) faulted / calls).isBetween(0.1, 0.3);
        assertThat(statuses).containsKeys(200, 429, 500, 503, 308, -1);
        assertThat(delivered.size()).as("most messages get through").isGreaterThan(MESSAGES * 9 / 10);
    }
}
