package io.github.camelkaizala.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.apache.camel.component.kaizala.api.KaizalaRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kaizala's limits — calls per minute per connector (100) and per tenant across its connectors (300) — held across
 * every instance of an application through Bucket4j token buckets kept in PostgreSQL (one row per bucket, updated under
 * {@code SELECT … FOR UPDATE}). Bind it as a bean: the kaizala component autowires it.
 *
 * <p><b>How a sliding minute becomes a token bucket.</b> Kaizala counts the calls of the last minute; a bucket of
 * {@code burst} tokens refilled with {@code limit - burst} tokens per {@code period + margin} lets at most
 * {@code burst + (limit - burst)} = {@code limit} calls through in any {@code period}, even when the calls reach Kaizala
 * up to {@code margin} later or earlier than they were granted (network, clock differences between instances), and
 * runs at {@code (limit - burst) / (period + margin)} under a sustained load: 93 % of Kaizala's limits with the
 * defaults. A burst of up to {@code burst} calls goes at once.
 *
 * <p><b>Waiting holds nothing.</b> A call waits in this JVM's queue for its connector; only the queue's head asks the
 * database, once when a token is due. Tokens are taken, never reserved ahead: an instance that dies while calls wait
 * leaves the whole rate to the others at once. A call takes its connector's token first, then the tenant's; when the
 * tenant has none, the connector's token is given back.
 *
 * <p><b>When PostgreSQL fails</b>, the call waiting at the head fails with the database's error (the exchange fails;
 * the route's error handler decides), so nothing is sent unpaced.
 *
 * <p>Properties (Camel Main, Camel Quarkus: {@code camel.beans.kaizalaRateLimiter =
 * #class:io.github.camelkaizala.cluster.PostgresKaizalaRateLimiter}, then {@code camel.beans.kaizalaRateLimiter.X}):
 * {@code dataSource} (required), {@code connectorLimit} (100), {@code tenantLimit} (300), {@code tenant}
 * ({@code default}: name the tenant when connectors of several tenants share the database), {@code period} (60000
 * ms), {@code margin} (1000 ms), {@code burst} (0 = a twentieth of each limit, at least 2), {@code table}
 * ({@code kaizala_rate_limits}, created when missing).
 */
public class PostgresKaizalaRateLimiter implements KaizalaRateLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresKaizalaRateLimiter.class);

    private DataSource dataSource;
    private String table = "kaizala_rate_limits";
    private int connectorLimit = 100;
    private int tenantLimit = 300;
    private String tenant = "default";
    private long period = 60_000;
    private long margin = 1_000;
    private int burst;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile ProxyManager<String> buckets;
    private volatile BucketProxy tenantBucket;
    private volatile ScheduledExecutorService pump;

    /** One connector's calls waiting in this JVM, in order; one pump at a time asks the database for its head. */
    private static final class Lane {

        final BucketProxy bucket;
        final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
        boolean pumping;

        Lane(BucketProxy bucket) {
            this.bucket = bucket;
        }
    }

    @Override
    public CompletionStage<Void> acquire(String connector) {
        start();
        Lane lane = lanes.computeIfAbsent(connector, c -> new Lane(bucket("connector:" + c, connectorLimit)));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        synchronized (lane) {
            lane.waiting.add(ready);
            if (!lane.pumping) {
                lane.pumping = true;
                pump.execute(() -> pump(lane));
            }
        }
        return ready;
    }

    private void pump(Lane lane) {
        while (true) {
            CompletableFuture<Void> head;
            synchronized (lane) {
                head = lane.waiting.peek();
                if (head == null) {
                    lane.pumping = false;
                    return;
                }
            }
            long waitNanos;
            try {
                waitNanos = take(lane.bucket);
            } catch (RuntimeException e) {
                waitNanos = 0;
                LOG.warn("Kaizala rate limiter: cannot reach the buckets in PostgreSQL, failing a call: {}",
                        e.getMessage());
                synchronized (lane) {
                    lane.waiting.remove();
                }
                head.completeExceptionally(new IllegalStateException(
                        "the shared Kaizala rate limiter cannot reach PostgreSQL (" + e.getMessage() + ")", e));
                continue;
            }
            if (waitNanos > 0) {
                pump.schedule(() -> pump(lane), waitNanos, TimeUnit.NANOSECONDS);
                return;
            }
            synchronized (lane) {
                lane.waiting.remove();
            }
            head.complete(null);
        }
    }

    /** A token of the connector and one of the tenant: 0, or how long to wait before asking again. */
    private long take(BucketProxy connector) {
        ConsumptionProbe own = connector.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            return own.getNanosToWaitForRefill();
        }
        ConsumptionProbe shared = tenantBucket.tryConsumeAndReturnRemaining(1);
        if (shared.isConsumed()) {
            return 0;
        }
        connector.addTokens(1);
        return shared.getNanosToWaitForRefill();
    }

    private BucketProxy bucket(String name, int limit) {
        int tokens = burst > 0 ? burst : Math.max(2, limit / 20);
        if (tokens >= limit) {
            throw new IllegalArgumentException("burst (" + tokens + ") must be below the limit (" + limit + ")");
        }
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(tokens)
                        .refillGreedy(limit - tokens, Duration.ofMillis(period + margin))
                        .build())
                .build();
        // the key names the limits, so that instances started with other limits (a change being rolled out) never
        // read a bucket made for different ones
        return buckets.builder().build(name + "/" + limit + "/" + period + "/" + margin + "/" + tokens,
                () -> configuration);
    }

    private void start() {
        if (pump != null) {
            return;
        }
        synchronized (this) {
            if (pump != null) {
                return;
            }
            if (dataSource == null) {
                throw new IllegalArgumentException("PostgresKaizalaRateLimiter needs a dataSource (PostgreSQL), e.g."
                        + " camel.beans.kaizalaRateLimiter.dataSource = #bean:dataSource");
            }
            if (connectorLimit < 1 || tenantLimit < 1 || period < 1 || margin < 0) {
                throw new IllegalArgumentException(
                        "PostgresKaizalaRateLimiter: connectorLimit, tenantLimit and period must"
                                + " be positive and margin not negative");
            }
            try {
                Tables.createIfMissing(dataSource,
                        "CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(300) PRIMARY KEY,"
                                + " state BYTEA)");
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "the shared Kaizala rate limiter cannot create its table " + table + ": "
                                + e.getMessage(),
                        e);
            }
            buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(table).idColumn("id").stateColumn("state").build();
            tenantBucket = bucket("tenant:" + tenant, tenantLimit);
            pump = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kaizala-rate-limiter");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Stops pacing: calls still waiting fail. */
    @Override
    public synchronized void close() {
        if (pump != null) {
            pump.shutdownNow();
            pump = null;
        }
        lanes.values().forEach(lane -> {
            synchronized (lane) {
                lane.waiting.forEach(
                        f -> f.completeExceptionally(new IllegalStateException("the rate limiter was closed")));
                lane.waiting.clear();
            }
        });
        lanes.clear();
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The PostgreSQL database the instances share (required). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTable() {
        return table;
    }

    /** The table of the buckets, created when missing (one row per connector and tenant). */
    public void setTable(String table) {
        this.table = Tables.checkName(table);
    }

    public int getConnectorLimit() {
        return connectorLimit;
    }

    /** Calls per period per connector, across all instances (Kaizala: 100 a minute). */
    public void setConnectorLimit(int connectorLimit) {
        this.connectorLimit = connectorLimit;
    }

    public int getTenantLimit() {
        return tenantLimit;
    }

    /** Calls per period of all the tenant's connectors together, across all instances (Kaizala: 300 a minute). */
    public void setTenantLimit(int tenantLimit) {
        this.tenantLimit = tenantLimit;
    }

    public String getTenant() {
        return tenant;
    }

    /** Names the tenant's bucket: give each tenant its own name when several share the database. */
    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public long getPeriod() {
        return period;
    }

    /** The window Kaizala counts calls in, in milliseconds (60000). */
    public void setPeriod(long period) {
        this.period = period;
    }

    public long getMargin() {
        return margin;
    }

    /** Milliseconds added to the period for the spread of network delays and instance clocks (1000). */
    public void setMargin(long margin) {
        this.margin = margin;
    }

    public int getBurst() {
        return burst;
    }

    /** Calls that may go at once after a quiet period; 0 = a twentieth of each limit, at least 2. */
    public void setBurst(int burst) {
        this.burst = burst;
    }
}
