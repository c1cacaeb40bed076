package io.github.camelkaizala.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token-service calls while {@code n} exchanges are in flight: on a cold start (no token yet), across an expiry the
 * server declares (every call answers 401 until the component renews), and across the token's own lifetime (the
 * component renews before it ends). Each must cost one call, whatever {@code n}.
 */
final class TokenBenchmark {

    record Figures(String scenario, int exchanges, long sent, long failed, int tokenCalls, int expected,
            String firstError) {

        boolean met() {
            return tokenCalls == expected && failed == 0;
        }
    }

    private final Settings settings;

    TokenBenchmark(Settings settings) {
        this.settings = settings;
    }

    List<Figures> run(Helper helper) throws Exception {
        List<Figures> results = new ArrayList<>();
        int n = settings.tokenExchanges();
        String group = helper.newGroup("tokens");
        helper.clearJournal();
        try (KaizalaRouteClient client = new KaizalaRouteClient(
                new MessageClient.Target(helper.authUrl, helper.endpointUrl, group, null), false)) {
            // cold start: n exchanges released at once on a component that has no token yet
            Load cold = Load.once(client, n);
            results.add(new Figures("cold start: " + n + " exchanges at once, no token yet", n, cold.sent.get(),
                    cold.failed.get(), helper.tokenRequests(), 1, cold.firstError.get()));

            // the server expires every token while n exchanges keep going: 401s, one renewal
            helper.clearJournal();
            Load during = Load.start(client, n);
            Thread.sleep(settings.tokenRun().toMillis() / 2);
            helper.expireAccessTokens();
            Thread.sleep(settings.tokenRun().toMillis() / 2);
            during.stop();
            results.add(
                    new Figures("expiry (server-side, 401) under " + n + " exchanges in flight", n, during.sent.get(),
                            during.failed.get(), helper.tokenRequests(), 1, during.firstError.get()));
        }

        // a token that lives 2 s: the component renews it before it ends (at 90 % of its life), once
        Duration ttl = Duration.ofSeconds(2);
        try (Helper shortLived = Helper.start("--ttl", ttl.toString())) {
            String g = shortLived.newGroup("tokens-ttl");
            try (KaizalaRouteClient client = new KaizalaRouteClient(
                    new MessageClient.Target(shortLived.authUrl, shortLived.endpointUrl, g, null), false)) {
                long firstToken = System.nanoTime();
                Load warm = Load.once(client, n); // first token
                shortLived.clearJournal();
                Load across = Load.start(client, n);
                Thread.sleep(ttl.toMillis()); // the token reaches 90 % of its life during this
                // counted before the threads stop: stopping 256 threads on a loaded machine can outlast the next renewal
                int calls = shortLived.tokenRequests();
                // one renewal per 90 % of the lifetime that passed since the first token, when counted (one, unless a
                // busy machine stretched the warm-up past the second renewal)
                int renewals = (int) Math.max(1, (System.nanoTime() - firstToken) / (ttl.toNanos() * 9 / 10));
                across.stop();
                results.add(
                        new Figures("expiry (token lifetime 2 s, renewed early) under " + n + " exchanges in flight",
                                n, across.sent.get(), across.failed.get() + warm.failed.get(), calls, renewals,
                                across.firstError.get() != null ? across.firstError.get() : warm.firstError.get()));
            }
        }
        results.forEach(f -> Log.info("tokens: %-70s sent %6d failed %d token calls %d", f.scenario(), f.sent(),
                f.failed(), f.tokenCalls()));
        return results;
    }

    /** {@code n} threads sending in a loop (or once), released together. */
    private static final class Load {

        final AtomicLong sent = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stop;

        static Load once(MessageClient client, int n) throws InterruptedException {
            Load load = new Load();
            load.begin(client, n, true);
            for (Thread t : load.threads) {
                t.join();
            }
            return load;
        }

        static Load start(MessageClient client, int n) throws InterruptedException {
            Load load = new Load();
            load.begin(client, n, false);
            return load;
        }

        private void begin(MessageClient client, int n, boolean once) throws InterruptedException {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    do {
                        try {
                            client.send(MessageClient.TEXT);
                            sent.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstError.compareAndSet(null, e.toString());
                        }
                    } while (!once && !stop);
                }, "token-load-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            ready.await();
            go.countDown();
        }

        void stop() throws InterruptedException {
            stop = true;
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
