package io.github.camelkaizala.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three "instances" (three limiters, each with its own DataSource, as separate JVMs) sharing the buckets in a real
 * PostgreSQL, with a short period so that the test is quick: at most the limit in any period, at least 90 % of it
 * under a burst, and none of the capacity kept by an instance that goes away.
 */
class PostgresKaizalaRateLimiterPostgresTest extends PostgresTestSupport {

    private static final int LIMIT = 100;
    private static final long PERIOD = 5000;
    private static final long MARGIN = 100;

    private final List<PostgresKaizalaRateLimiter> limiters = new ArrayList<>();

    private PostgresKaizalaRateLimiter instance(String tenant, int connectorLimit, int tenantLimit) {
        PostgresKaizalaRateLimiter limiter = new PostgresKaizalaRateLimiter();
        limiter.setDataSource(postgres.dataSource(DATABASE));
        limiter.setTenant(tenant);
        limiter.setConnectorLimit(connectorLimit);
        limiter.setTenantLimit(tenantLimit);
        limiter.setPeriod(PERIOD);
        limiter.setMargin(MARGIN);
        limiters.add(limiter);
        return limiter;
    }

    /** {@code calls} acquisitions at once; the grant times (nanoTime) go to {@code grants}. */
    private static List<CompletableFuture<Void>> burst(PostgresKaizalaRateLimiter limiter, String connector, int calls,
            List<Long> grants) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            all.add(limiter.acquire(connector).toCompletableFuture().thenRun(() -> grants.add(System.nanoTime())));
        }
        return all;
    }

    /** The most grants within any window of {@code PERIOD - MARGIN} (the margin absorbs this JVM's own jitter). */
    private static int mostInAnyPeriod(List<Long> grants) {
        List<Long> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        long window = TimeUnit.MILLISECONDS.toNanos(PERIOD - MARGIN);
        int most = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (sorted.get(i) - sorted.get(j) >= window) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    /** Grants per period, from the first grant to the last. */
    private static double ratePerPeriod(List<Long> grants) {
        long first = Collections.min(grants);
        long last = Collections.max(grants);
        return (grants.size() - 1) * (double) TimeUnit.MILLISECONDS.toNanos(PERIOD) / (last - first);
    }

    @org.junit.jupiter.api.AfterEach
    void closeLimiters() {
        limiters.forEach(PostgresKaizalaRateLimiter::close);
    }

    @Test
    void threeInstancesShareTheConnectorLimitAndUseAtLeastNinetyPercentOfIt() throws Exception {
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.addAll(burst(instance("t-share", LIMIT, 1000), "connector-a", LIMIT, grants));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        double rate = ratePerPeriod(grants);
        System.out.printf("3 instances, %d calls: at most %d in any period, %.1f per period (limit %d)%n",
                grants.size(),
                mostInAnyPeriod(grants), rate, LIMIT);
        assertThat(mostInAnyPeriod(grants)).isLessThanOrEqualTo(LIMIT);
        assertThat(rate).isGreaterThanOrEqualTo(0.9 * LIMIT);
    }

    @Test
    void anInstanceThatGoesAwayMidBurstLeavesTheWholeRateToTheOthers() throws Exception {
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        PostgresKaizalaRateLimiter doomed = instance("t-kill", LIMIT, 1000);
        List<CompletableFuture<Void>> survivors = new ArrayList<>();
        List<CompletableFuture<Void>> lost = burst(doomed, "connector-k", LIMIT, grants);
        survivors.addAll(burst(instance("t-kill", LIMIT, 1000), "connector-k", LIMIT, grants));
        survivors.addAll(burst(instance("t-kill", LIMIT, 1000), "connector-k", LIMIT, grants));

        Thread.sleep(PERIOD / 2);
        doomed.close(); // its waiting calls are gone with it
        long killedAt = System.nanoTime();
        CompletableFuture.allOf(survivors.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(lost).anyMatch(CompletableFuture::isCompletedExceptionally);
        List<Long> after = grants.stream().filter(t -> t > killedAt).toList();
        double rate = ratePerPeriod(after);
        System.out.printf("after the kill: %d calls of 2 instances at %.1f per period (limit %d)%n", after.size(), rate,
                LIMIT);
        assertThat(mostInAnyPeriod(grants)).isLessThanOrEqualTo(LIMIT);
        assertThat(rate).as("the survivors get the whole rate").isGreaterThanOrEqualTo(0.9 * LIMIT);
    }

    @Test
    void theTenantLimitHoldsAcrossConnectorsAndInstances() throws Exception {
        int tenantLimit = 100;
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        List<Long> connectorA = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            PostgresKaizalaRateLimiter limiter = instance("t-tenant", 80, tenantLimit);
            calls.addAll(burst(limiter, "connector-a", 60, connectorA));
            calls.addAll(burst(limiter, "connector-b", 60, all));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        all.addAll(connectorA);

        System.out.printf(
                "tenant: %d calls on 2 connectors, at most %d in any period (tenant limit %d), %.1f per period%n",
                all.size(), mostInAnyPeriod(all), tenantLimit, ratePerPeriod(all));
        assertThat(mostInAnyPeriod(all)).isLessThanOrEqualTo(tenantLimit);
        assertThat(mostInAnyPeriod(connectorA)).isLessThanOrEqualTo(80);
        assertThat(ratePerPeriod(all)).isGreaterThanOrEqualTo(0.9 * tenantLimit);
    }

    @Test
    void whenPostgresqlGoesAwayAWaitingCallFailsInsteadOfGoingUnpaced() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        PGSimpleDataSource flaky = new PGSimpleDataSource() {

            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                if (down.get()) {
                    throw new java.sql.SQLException("Connection refused (the database went away)");
                }
                return super.getConnection();
            }
        };
        flaky.setUrl(postgres.jdbcUrl(DATABASE));
        flaky.setUser(postgres.user());
        PostgresKaizalaRateLimiter limiter = new PostgresKaizalaRateLimiter();
        limiter.setDataSource(flaky);
        limiter.setTenant("t-down");
        limiters.add(limiter);
        limiter.acquire("connector-d").toCompletableFuture().get(10, TimeUnit.SECONDS);

        down.set(true);
        CompletableFuture<Void> call = limiter.acquire("connector-d").toCompletableFuture();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("the shared Kaizala rate limiter cannot reach PostgreSQL")
                .hasMessageContaining("the database went away");
        down.set(false);
        limiter.acquire("connector-d").toCompletableFuture().get(10, TimeUnit.SECONDS); // and works again
    }

    @Test
    void whenPostgresqlCannotBeReachedTheCallFailsSayingSo() throws Exception {
        PostgresKaizalaRateLimiter limiter = new PostgresKaizalaRateLimiter();
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:" + Postgres.freePort() + "/none");
        limiter.setDataSource(nowhere);
        limiters.add(limiter);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limiter.acquire("c"))
                .hasMessageContaining("cannot create its table");
        PostgresKaizalaRateLimiter unset = new PostgresKaizalaRateLimiter();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> unset.acquire("c"))
                .hasMessageContaining("needs a dataSource");
    }
}
