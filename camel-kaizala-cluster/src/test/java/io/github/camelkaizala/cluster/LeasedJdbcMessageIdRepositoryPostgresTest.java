package io.github.camelkaizala.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two "instances" (two repositories, each with its own DataSource) sharing one table in a real PostgreSQL. */
class LeasedJdbcMessageIdRepositoryPostgresTest extends PostgresTestSupport {

    private LeasedJdbcMessageIdRepository instance(String name, String table, long leaseMillis) throws Exception {
        LeasedJdbcMessageIdRepository repository = new LeasedJdbcMessageIdRepository();
        repository.setDataSource(postgres.dataSource(DATABASE));
        repository.setTable(table);
        repository.setInstanceName(name);
        repository.setLeaseMillis(leaseMillis);
        repository.start();
        return repository;
    }

    @Test
    void anIdHeldByALiveInstanceIsRetryLaterThenADuplicateOnceConfirmed() throws Exception {
        LeasedJdbcMessageIdRepository a = instance("a", "ids_live", 60_000);
        LeasedJdbcMessageIdRepository b = instance("b", "ids_live", 60_000);

        assertThat(a.add("e1")).isTrue();
        assertThatThrownBy(() -> b.add("e1"))
                .isInstanceOf(LeasedJdbcMessageIdRepository.EventHeldElsewhereException.class)
                .hasMessageContaining("e1").hasMessageContaining(a.owner());
        assertThat(a.confirm("e1")).isTrue();
        assertThat(b.add("e1")).as("confirmed: a duplicate, for good").isFalse();
        assertThat(a.add("e1")).isFalse();
        a.stop();
        b.stop();
    }

    @Test
    void aFailedRouteRemovesTheIdSoThatARedeliveryIsProcessed() throws Exception {
        LeasedJdbcMessageIdRepository a = instance("a", "ids_removed", 60_000);
        LeasedJdbcMessageIdRepository b = instance("b", "ids_removed", 60_000);

        assertThat(a.add("e2")).isTrue();
        assertThat(b.remove("e2")).as("not b's to remove").isFalse();
        assertThat(a.remove("e2")).isTrue();
        assertThat(b.add("e2")).isTrue();
        b.confirm("e2");
        assertThat(b.remove("e2")).as("a confirmed id stays").isFalse();
        assertThat(a.add("e2")).isFalse();
        a.stop();
        b.stop();
    }

    @Test
    void theHeartbeatKeepsTheLeaseWhileTheHolderLivesAndAnotherTakesOverWhenItDies() throws Exception {
        LeasedJdbcMessageIdRepository a = instance("a", "ids_lease", 400);
        LeasedJdbcMessageIdRepository b = instance("b", "ids_lease", 400);

        assertThat(a.add("e3")).isTrue();
        Thread.sleep(1200); // three leases: the heartbeat (every lease/4) keeps it a's
        assertThatThrownBy(() -> b.add("e3"))
                .isInstanceOf(LeasedJdbcMessageIdRepository.EventHeldElsewhereException.class);

        a.stop(); // as if a died: no more heartbeat, neither confirmed nor removed
        Thread.sleep(700);
        assertThat(b.add("e3")).as("the lease expired: taken over").isTrue();
        try (Connection db = postgres.connect(DATABASE);
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, confirmed FROM ids_lease WHERE messageId = 'e3'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(b.owner());
            assertThat(rs.getBoolean(2)).isFalse();
        }
        b.stop();
    }

    @Test
    void instancesStartingTogetherCreateTheTableOnce() throws Exception {
        // PostgreSQL's CREATE TABLE IF NOT EXISTS alone fails for all but one when run at the same instant
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(6);
        List<CompletableFuture<LeasedJdbcMessageIdRepository>> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "i" + i;
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return instance(name, "ids_together", 60_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<LeasedJdbcMessageIdRepository> start : starts) {
            start.get(30, java.util.concurrent.TimeUnit.SECONDS).stop();
        }
    }

    @Test
    void aRepositoryWithoutDataSourceSaysWhatToSet() {
        LeasedJdbcMessageIdRepository repository = new LeasedJdbcMessageIdRepository();
        assertThatThrownBy(repository::start).hasStackTraceContaining("needs a dataSource")
                .hasStackTraceContaining("camel.beans.eventIds.dataSource");
        assertThatThrownBy(() -> repository.setTable("ids; DROP TABLE x")).hasMessageContaining("plain SQL name");
        assertThatThrownBy(() -> repository.setLeaseMillis(10)).hasMessageContaining("at least 200 ms");
    }
}
