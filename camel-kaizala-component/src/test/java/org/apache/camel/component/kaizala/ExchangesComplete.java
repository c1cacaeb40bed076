package org.apache.camel.component.kaizala;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.InflightRepository;

import static org.assertj.core.api.Assertions.fail;

/**
 * Asserts that every exchange completes within a bound: one sent by a test ({@link #send}), and every exchange of a
 * context ({@link #assertNoneLeft}, which fails listing the exchanges still in flight). A hang fails the test instead
 * of holding the build.
 */
final class ExchangesComplete {

    private ExchangesComplete() {
    }

    /** Sends and returns the exchange, failed or not; fails the test when it does not complete within {@code bound}. */
    static Exchange send(ProducerTemplate template, String uri, Consumer<Exchange> prepare, Duration bound) {
        CompletableFuture<Exchange> future = template.asyncSend(uri, prepare::accept);
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("the exchange sent to " + uri + " did not complete within " + bound);
        } catch (Exception e) {
            return fail("the exchange sent to " + uri + " could not be sent: " + e, e);
        }
    }

    static Exchange send(ProducerTemplate template, String uri, Object body, Duration bound) {
        return send(template, uri, exchange -> exchange.getMessage().setBody(body), bound);
    }

    /** Waits until no exchange of {@code context} is in flight; fails listing them when some still are after {@code bound}. */
    static void assertNoneLeft(CamelContext context, Duration bound) throws InterruptedException {
        InflightRepository inflight = context.getInflightRepository();
        long deadline = System.nanoTime() + bound.toNanos();
        while (inflight.size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (inflight.size() > 0) {
            StringBuilder left = new StringBuilder();
            inflight.browse().forEach(e -> left.append("\n  ").append(e.getExchange().getExchangeId()).append(" at ")
                    .append(e.getNodeId()).append(" for ").append(e.getElapsed()).append(" ms"));
            fail(inflight.size() + " exchange(s) did not complete within " + bound + ":" + left);
        }
    }
}
