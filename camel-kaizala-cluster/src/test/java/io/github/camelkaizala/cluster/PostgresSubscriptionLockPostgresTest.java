package io.github.camelkaizala.cluster;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSubscriptionLockPostgresTest extends PostgresTestSupport {

    private PostgresSubscriptionLock lock(long timeout) {
        PostgresSubscriptionLock lock = new PostgresSubscriptionLock();
        lock.setDataSource(postgres.dataSource(DATABASE));
        lock.setTimeout(timeout);
        return lock;
    }

    @Test
    void aSecondInstanceWaitsUntilTheFirstReleasesTheSameKeyButNotAnother() throws Exception {
        PostgresSubscriptionLock a = lock(10_000);
        PostgresSubscriptionLock b = lock(10_000);
        AutoCloseable held = a.lock("Group:g1");

        CompletableFuture<AutoCloseable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return b.lock("Group:g1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (AutoCloseable other = b.lock("Group:g2")) {
            assertThat(other).isNotNull(); // another object: not blocked
        }
        Thread.sleep(500);
        assertThat(waiting).isNotDone();
        held.close();
        waiting.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void aLockHeldByAnInstanceThatDiedIsReleased() throws Exception {
        PostgresSubscriptionLock a = lock(10_000);
        AutoCloseable held = a.lock("Group:g3");
        // the instance dies: PostgreSQL drops its connection (as when the process is killed)
        try (Connection db = postgres.connect(DATABASE); Statement s = db.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND pid <> pg_backend_pid()");
        }
        try (AutoCloseable again = lock(5_000).lock("Group:g3")) {
            assertThat(again).isNotNull();
        }
        assertThatThrownBy(held::close).isInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void aLockNotGivenInTimeFailsSayingWhy() throws Exception {
        try (AutoCloseable held = lock(10_000).lock("Group:g4")) {
            assertThatThrownBy(() -> lock(300).lock("Group:g4"))
                    .hasMessageContaining("Could not take the subscription lock")
                    .hasMessageContaining("Group:g4").hasMessageContaining("300 ms");
        }
    }
}
