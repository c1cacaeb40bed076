package org.apache.camel.component.kaizala;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where exchanges continue once Kaizala answered, so that a route's own work never runs on (and stalls) HttpClient's
 * I/O threads, which serve every call.
 * <p>
 * A few workers (one per CPU) take the continuations in turn from one queue: under load a worker goes from one to the
 * next without a thread wake-up each, which a pool handing every task to an idle thread pays (measured: about a
 * quarter of the producer's CPU per message). A step that blocks holds its worker, so whenever continuations wait and
 * none finished for {@link #STALL_MILLIS}, more workers are added; the extra ones go once all is idle again.
 */
final class CompletionThreads implements Executor {

    /** How long waiting continuations may see no progress before workers are added. */
    static final long STALL_MILLIS = 50;
    /** The most workers: beyond this many blocked steps, continuations wait. */
    static final int MAX_WORKERS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(CompletionThreads.class);

    private final CamelContext context;
    private final ThreadPoolExecutor pool;
    private final int baseWorkers;
    private final ScheduledFuture<?> watchdog;
    private long completedAtLastCheck;

    CompletionThreads(CamelContext context, Object source, ScheduledExecutorService timer) {
        this.context = context;
        this.baseWorkers = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolProfile profile = new ThreadPoolProfile("KaizalaProducer");
        profile.setPoolSize(baseWorkers);
        profile.setMaxPoolSize(baseWorkers);
        profile.setMaxQueueSize(Integer.MAX_VALUE); // never refused while the component runs (-1 would hand over)
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        this.pool = (ThreadPoolExecutor) context.getExecutorServiceManager().newThreadPool(source, "KaizalaProducer",
                profile);
        this.watchdog = timer.scheduleWithFixedDelay(this::check, STALL_MILLIS, STALL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable continuation) {
        pool.execute(continuation);
    }

    /** Adds workers when waiting continuations made no progress; back to the base once nothing runs. */
    private void check() {
        long completed = pool.getCompletedTaskCount();
        boolean waiting = !pool.getQueue().isEmpty();
        int workers = pool.getMaximumPoolSize();
        if (waiting && completed == completedAtLastCheck && workers < MAX_WORKERS) {
            int more = Math.min(MAX_WORKERS, workers + baseWorkers);
            pool.setMaximumPoolSize(more);
            pool.setCorePoolSize(more); // starts workers for the waiting continuations at once
            LOG.debug("Steps after a kaizala producer blocked all {} completion threads for {} ms: now {}", workers,
                    STALL_MILLIS, more);
        } else if (!waiting && workers > baseWorkers && pool.getActiveCount() == 0) {
            pool.setCorePoolSize(baseWorkers);
            pool.setMaximumPoolSize(baseWorkers);
        }
        completedAtLastCheck = completed;
    }

    /** How many workers it may run now (for tests). */
    int workers() {
        return pool.getMaximumPoolSize();
    }

    void shutdown() {
        watchdog.cancel(false);
        context.getExecutorServiceManager().shutdown(pool);
    }
}
