package org.apache.camel.component.kaizala;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.api.KaizalaApiException;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an exchange continues once Kaizala answered: by default on the component's completion threads, so that a step
 * that blocks cannot stall HttpClient's I/O threads; with {@code continueOnIoThread} on the I/O thread itself, guarded:
 * a continuation that holds it longer than 100 ms is logged and the endpoint falls back.
 */
class ContinueOnIoThreadTest extends KaizalaTestSupport {

    /** HttpClient 5's I/O threads are named so (its default thread factory). */
    private static final String IO_THREAD = "httpclient-dispatch";

    private final ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
    private final CountDownLatch blocked = new CountDownLatch(blockingSteps());
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile long sleepFirstMillis;
    /** A fixed access token in an endpoint URI: the guard's warning names the endpoint, never the token. */
    private final String fixedToken = simulator.issueAccessToken(KaizalaSimulator.DEFAULT_APPLICATION_ID);

    private static int ioThreads() {
        return Runtime.getRuntime().availableProcessors(); // HttpClient's default I/O thread count
    }

    /** More blocked steps than HttpClient has I/O threads, and than the component starts completion threads with. */
    private static int blockingSteps() {
        return Math.max(ioThreads(), 2) + 1;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:blocking").routeId("blocking")
                        .to("kaizala:messages")
                        .process(e -> {
                            threads.add(Thread.currentThread().getName());
                            blocked.countDown();
                            release.await(30, TimeUnit.SECONDS); // a step that blocks, e.g. a slow database
                        });
                from("direct:default").routeId("default")
                        .to("kaizala:messages")
                        .process(e -> threads.add(Thread.currentThread().getName()));
                from("direct:io").routeId("io")
                        .to("kaizala:messages?continueOnIoThread=true")
                        .process(e -> {
                            threads.add(Thread.currentThread().getName());
                            long sleep = sleepFirstMillis;
                            sleepFirstMillis = 0;
                            Thread.sleep(sleep);
                        });
                from("direct:ioSecret").routeId("ioSecret")
                        .to("kaizala:messages?continueOnIoThread=true&accessToken=RAW(" + fixedToken + ")&endpointUrl="
                                + simulator.endpointUrl())
                        .process(e -> {
                            long sleep = sleepFirstMillis;
                            sleepFirstMillis = 0;
                            Thread.sleep(sleep);
                        });
                from("direct:ioFailing").routeId("ioFailing")
                        .onException(KaizalaApiException.class).handled(true)
                        .process(e -> threads.add(Thread.currentThread().getName()))
                        .end()
                        .to("kaizala:messages?continueOnIoThread=true")
                        .process(e -> threads.add(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void byDefaultStepsThatBlockAfterTheProducerDoNotStallOtherCalls() throws Exception {
        String groupId = newGroup("Blocking steps");
        // more exchanges blocked after the producer than HttpClient has I/O threads: had they continued there, every
        // I/O thread would be stuck and no other call could complete; and more than the completion threads it starts
        // with, so that the blocked steps hold all of them until more are added
        List<CompletableFuture<Exchange>> stuck = new ArrayList<>();
        for (int i = 0; i < blockingSteps(); i++) {
            stuck.add(template.asyncSend("direct:blocking", e -> {
                e.getMessage().setBody("blocked");
                e.getMessage().setHeader(KaizalaConstants.GROUP_ID, groupId);
            }));
        }
        try {
            assertThat(blocked.await(20, TimeUnit.SECONDS)).as("every blocking step entered").isTrue();
            assertThat(threads).allSatisfy(name -> assertThat(name).doesNotStartWith(IO_THREAD));

            for (int i = 0; i < 10; i++) {
                Exchange done = template.asyncSend("direct:default", e -> {
                    e.getMessage().setBody("meanwhile");
                    e.getMessage().setHeader(KaizalaConstants.GROUP_ID, groupId);
                }).get(20, TimeUnit.SECONDS);
                assertThat(done.getException()).isNull();
                assertThat(done.getMessage().getHeader(KaizalaConstants.REFERENCE_ID, String.class)).isNotBlank();
            }
            assertThat(stuck).noneMatch(CompletableFuture::isDone);
            assertThat(completionThreads().workers()).as("completion threads added for the blocked steps")
                    .isGreaterThan(blockingSteps());
        } finally {
            release.countDown();
        }
        for (CompletableFuture<Exchange> f : stuck) {
            assertThat(f.get(20, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).hasSize(blockingSteps() + 10);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (completionThreads().workers() > Math.max(ioThreads(), 2) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(completionThreads().workers()).as("back to the first completion threads once idle")
                .isEqualTo(Math.max(ioThreads(), 2));
    }

    private CompletionThreads completionThreads() {
        return context.getComponent("kaizala", KaizalaComponent.class).completionExecutor();
    }

    @Test
    void byDefaultTheRouteContinuesOnTheCompletionThreads() {
        String groupId = newGroup("Default");
        for (int i = 0; i < 5; i++) {
            assertThat(send("direct:default", "hello", Map.of(KaizalaConstants.GROUP_ID, groupId)).getException())
                    .isNull();
        }
        assertThat(threads).hasSize(5).allSatisfy(name -> assertThat(name).contains("KaizalaProducer"));
    }

    @Test
    void withTheOptionTheRouteContinuesOnTheIoThread() {
        String groupId = newGroup("On the I/O thread");
        for (int i = 0; i < 5; i++) {
            Exchange done = send("direct:io", "hello", Map.of(KaizalaConstants.GROUP_ID, groupId));
            assertThat(done.getException()).isNull();
            assertThat(done.getMessage().getHeader(KaizalaConstants.REFERENCE_ID, String.class)).isNotBlank();
        }
        // no hand-off: each exchange went on where its answer completed — the I/O thread, or the caller's own thread
        // when the answer was already there as the producer attached its continuation (a busy machine can do that)
        String caller = Thread.currentThread().getName();
        assertThat(threads).hasSize(5)
                .allSatisfy(name -> assertThat(name.startsWith(IO_THREAD) || name.equals(caller))
                        .as("continued on %s", name).isTrue())
                .anySatisfy(name -> assertThat(name).startsWith(IO_THREAD));
    }

    @Test
    void aContinuationThatHoldsTheIoThreadTooLongIsLoggedAndTheEndpointFallsBack() throws InterruptedException {
        String groupId = newGroup("Too slow for the I/O thread");
        sleepFirstMillis = 3 * KaizalaProducer.IO_THREAD_BUDGET_MILLIS;
        answerLate();
        String log;
        try (LogCapture capture = new LogCapture(Level.WARN)) {
            assertThat(send("direct:io", "slow", Map.of(KaizalaConstants.GROUP_ID, groupId)).getException()).isNull();
            assertThat(send("direct:io", "after", Map.of(KaizalaConstants.GROUP_ID, groupId)).getException()).isNull();
            log = awaitWarning(capture);
        }
        assertThat(new ArrayList<>(threads)).hasSize(2).satisfiesExactly(
                first -> assertThat(first).startsWith(IO_THREAD),
                second -> assertThat(second).contains("KaizalaProducer"));
        assertThat(log).contains("WARN", "messages?continueOnIoThread=true", "route io",
                "held HttpClient's I/O thread", "now continues its exchanges on the component's completion threads",
                "Remove continueOnIoThread");
        assertThat(log).doesNotContain(KaizalaSimulator.DEFAULT_APPLICATION_SECRET,
                KaizalaSimulator.DEFAULT_REFRESH_TOKEN);
    }

    @Test
    void theWarningNamesTheEndpointWithoutItsSecrets() throws InterruptedException {
        String groupId = newGroup("Secret endpoint");
        sleepFirstMillis = 3 * KaizalaProducer.IO_THREAD_BUDGET_MILLIS;
        answerLate();
        String log;
        try (LogCapture capture = new LogCapture(Level.WARN)) {
            assertThat(send("direct:ioSecret", "slow", Map.of(KaizalaConstants.GROUP_ID, groupId)).getException())
                    .isNull();
            log = awaitWarning(capture);
        }
        assertThat(log).contains("route ioSecret", "continueOnIoThread=true", "accessToken=xxxxxx")
                .doesNotContain(fixedToken);
    }

    @Test
    void failuresContinueOnTheCompletionThreadsEvenWithTheOption() {
        String groupId = newGroup("Failing");
        simulator.faults().next(1, "POST", "/groups/.*/messages", Fault.status(500));
        Exchange failed = send("direct:ioFailing", "fails", Map.of(KaizalaConstants.GROUP_ID, groupId));
        assertThat(failed.getException()).isNull(); // handled by onException
        Exchange next = send("direct:ioFailing", "works", Map.of(KaizalaConstants.GROUP_ID, groupId));
        assertThat(next.getException()).isNull();
        assertThat(new ArrayList<>(threads)).satisfiesExactly(
                onException -> assertThat(onException).contains("KaizalaProducer"),
                // a failure is no reason to fall back
                success -> assertThat(success).startsWith(IO_THREAD));
    }

    /** The guard logs on the I/O thread once the continuation returned, maybe just after the caller woke up. */
    /**
     * The next answer comes a little late, so that it completes on an I/O thread: an answer that arrived before the
     * producer attached its continuation (a busy machine can pause the caller that long) would continue on the
     * caller's thread, where there is no I/O thread to guard.
     */
    private void answerLate() {
        simulator.faults().next(1, "POST", "/groups/.*/messages", Fault.stall(java.time.Duration.ofMillis(200)));
    }

    private static String awaitWarning(LogCapture capture) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!capture.text().contains("continueOnIoThread") && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return capture.text();
    }
}
