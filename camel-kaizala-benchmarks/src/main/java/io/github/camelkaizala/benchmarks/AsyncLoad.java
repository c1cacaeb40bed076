package io.github.camelkaizala.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * The lightest load there is: Apache HttpClient 5's async client, {@code concurrency} chains of requests, each chain
 * sending its next request from the callback of the previous one (no thread waits, no hand-off). Measures the
 * simulator's ceiling, and drives the consumers.
 */
final class AsyncLoad {

    record Result(long ok, long failed, long elapsedNanos, long[] sortedLatencies, String firstError) {

        double perSecond() {
            return ok * 1e9 / elapsedNanos;
        }
    }

    private AsyncLoad() {
    }

    static CloseableHttpAsyncClient newClient(int maxConnections) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .build();
        client.start();
        return client;
    }

    /** Runs {@code concurrency} request chains for {@code duration}; an answer counts when its status is 2xx. */
    static Result run(CloseableHttpAsyncClient client, Supplier<SimpleHttpRequest> requests, int concurrency,
            Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Latencies> latencies = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            latencies.add(new Latencies());
        }
        for (int i = 0; i < concurrency; i++) {
            new Chain(client, requests, end, latencies.get(i), ok, failed, firstError, done).fire();
        }
        if (!done.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
            firstError.compareAndSet(null, "requests still in flight 60 s after the end");
        }
        long elapsed = System.nanoTime() - start;
        long[] sorted;
        synchronized (latencies) {
            sorted = Latencies.merged(latencies);
        }
        return new Result(ok.get(), failed.get(), elapsed, sorted, firstError.get());
    }

    private static final class Chain implements FutureCallback<SimpleHttpResponse> {

        private final CloseableHttpAsyncClient client;
        private final Supplier<SimpleHttpRequest> requests;
        private final long end;
        private final Latencies latencies;
        private final AtomicLong ok;
        private final AtomicLong failed;
        private final AtomicReference<String> firstError;
        private final CountDownLatch done;
        private long sentAt;

        Chain(CloseableHttpAsyncClient client, Supplier<SimpleHttpRequest> requests, long end, Latencies latencies,
                AtomicLong ok, AtomicLong failed, AtomicReference<String> firstError, CountDownLatch done) {
            this.client = client;
            this.requests = requests;
            this.end = end;
            this.latencies = latencies;
            this.ok = ok;
            this.failed = failed;
            this.firstError = firstError;
            this.done = done;
        }

        void fire() {
            sentAt = System.nanoTime();
            client.execute(requests.get(), this);
        }

        @Override
        public void completed(SimpleHttpResponse response) {
            long now = System.nanoTime();
            if (response.getCode() >= 200 && response.getCode() < 300) {
                ok.incrementAndGet();
                latencies.add(now - sentAt);
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, "HTTP " + response.getCode() + " " + response.getBodyText());
            }
            next(now);
        }

        @Override
        public void failed(Exception ex) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, ex.toString());
            next(System.nanoTime());
        }

        @Override
        public void cancelled() {
            done.countDown();
        }

        private void next(long now) {
            if (now < end) {
                fire();
            } else {
                done.countDown();
            }
        }
    }
}
