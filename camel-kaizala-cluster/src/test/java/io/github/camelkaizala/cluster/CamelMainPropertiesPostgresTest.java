package io.github.camelkaizala.cluster;

import java.sql.Connection;
import java.sql.ResultSet;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three pieces configured by properties alone on Camel Main, as docs/scale-out.md shows them: beans made and
 * configured by {@code camel.beans.*}, the limiter and the lock autowired into the kaizala component, the repository
 * started (its table created) when a consumer uses it.
 */
class CamelMainPropertiesPostgresTest extends PostgresTestSupport {

    @Test
    void theBeansAreMadeFromPropertiesAndTheComponentAutowiresTheLimiterAndTheLock() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.beans.dataSource", "#class:org.postgresql.ds.PGSimpleDataSource");
        main.addInitialProperty("camel.beans.dataSource.url", postgres.jdbcUrl(DATABASE));
        main.addInitialProperty("camel.beans.dataSource.user", postgres.user());
        main.addInitialProperty("camel.beans.eventIds",
                "#class:io.github.camelkaizala.cluster.LeasedJdbcMessageIdRepository");
        main.addInitialProperty("camel.beans.eventIds.dataSource", "#bean:dataSource");
        main.addInitialProperty("camel.beans.eventIds.leaseMillis", "30000");
        main.addInitialProperty("camel.beans.eventIds.table", "props_event_ids");
        main.addInitialProperty("camel.beans.kaizalaRateLimiter",
                "#class:io.github.camelkaizala.cluster.PostgresKaizalaRateLimiter");
        main.addInitialProperty("camel.beans.kaizalaRateLimiter.dataSource", "#bean:dataSource");
        main.addInitialProperty("camel.beans.kaizalaRateLimiter.connectorLimit", "90");
        main.addInitialProperty("camel.beans.kaizalaRateLimiter.tenantLimit", "250");
        main.addInitialProperty("camel.beans.kaizalaRateLimiter.tenant", "contoso");
        main.addInitialProperty("camel.beans.kaizalaSubscriptionLock",
                "#class:io.github.camelkaizala.cluster.PostgresSubscriptionLock");
        main.addInitialProperty("camel.beans.kaizalaSubscriptionLock.dataSource", "#bean:dataSource");
        main.addInitialProperty("camel.beans.kaizalaSubscriptionLock.timeout", "5000");
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            KaizalaComponent kaizala = camel.getComponent("kaizala", KaizalaComponent.class);

            assertThat(kaizala.getRateLimiter()).isInstanceOfSatisfying(PostgresKaizalaRateLimiter.class, limiter -> {
                assertThat(limiter.getConnectorLimit()).isEqualTo(90);
                assertThat(limiter.getTenantLimit()).isEqualTo(250);
                assertThat(limiter.getTenant()).isEqualTo("contoso");
            });
            assertThat(kaizala.getSubscriptionLock()).isInstanceOfSatisfying(PostgresSubscriptionLock.class,
                    lock -> assertThat(lock.getTimeout()).isEqualTo(5000));
            IdempotentRepository eventIds = camel.getRegistry().lookupByNameAndType("eventIds",
                    IdempotentRepository.class);
            assertThat(eventIds).isInstanceOfSatisfying(LeasedJdbcMessageIdRepository.class,
                    ids -> assertThat(ids.getLeaseMillis()).isEqualTo(30000));

            // what the consumer does with it (KaizalaEndpoint.createWebhookHandler): start it, then use it
            ((LeasedJdbcMessageIdRepository) eventIds).start();
            assertThat(eventIds.add("from-properties")).isTrue();
            kaizala.getRateLimiter().acquire("connector-p").toCompletableFuture().get();
            try (AutoCloseable held = kaizala.getSubscriptionLock().lock("Group:p")) {
                assertThat(held).isNotNull();
            }
            try (Connection db = postgres.connect(DATABASE);
                    ResultSet rs = db.createStatement()
                            .executeQuery("SELECT count(*) FROM kaizala_rate_limits WHERE id LIKE"
                                    + " 'tenant:contoso/250/%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            ((LeasedJdbcMessageIdRepository) eventIds).stop();
        } finally {
            main.stop();
        }
    }
}
