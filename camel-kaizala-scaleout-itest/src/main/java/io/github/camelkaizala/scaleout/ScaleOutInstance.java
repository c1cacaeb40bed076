package io.github.camelkaizala.scaleout;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaConstants;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One stateless consumer instance: Camel Main, the callback on platform-http (Vert.x) on its own loopback port, the
 * subscription shared with the other instances (registered if missing, reused otherwise, never deleted on stop), the
 * same {@code callbackToken} everywhere, and event ids in a shared PostgreSQL repository. The route records each event
 * in the table {@code processed (event_id, instance)} — no unique key, so that a double would show — and confirms
 * the id in the same database transaction.
 *
 * <p>Configuration (system properties): {@code instance} (name), {@code port}, {@code jdbc.url}, {@code jdbc.user},
 * {@code kaizala.auth-url}, {@code kaizala.group-id}, {@code kaizala.public-url} (the load balancer),
 * {@code kaizala.callback-token}, {@code kaizala.rate-limit}, {@code repository} ({@code leased} (default),
 * {@code jdbc} or {@code orphan}: camel-sql's JdbcMessageIdRepository / JdbcOrphanLockAwareIdempotentRepository as
 * they are, to show what they lose), {@code lease.ms}, and for the test's kill {@code hold.at}: the n-th event this
 * instance processes is held inside its transaction (recorded, not committed, not confirmed) and "HOLDING id" printed,
 * so that the test kills the instance in the middle of processing. Stops when its standard input closes (its
 * parent died) or after {@code max.lifetime.s}.
 */
public final class ScaleOutInstance {

    private ScaleOutInstance() {
    }

    public static void main(String[] args) throws Exception {
        String name = required("instance");
        int port = Integer.parseInt(required("port"));
        long leaseMillis = Long.getLong("lease.ms", 5000);
        int holdAt = Integer.getInteger("hold.at", 0);
        watchParent(Long.getLong("max.lifetime.s", 1200));

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(required("jdbc.url"));
        pool.setUsername(System.getProperty("jdbc.user", "kaizala"));
        pool.setMaximumPoolSize(8);
        pool.setPoolName("pg-" + name);
        HikariDataSource dataSource = new HikariDataSource(pool);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        Main main = new Main();
        main.addInitialProperty("camel.main.name", name);
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", Integer.toString(port));
        main.addInitialProperty("camel.component.kaizala.auth-url", required("kaizala.auth-url"));
        main.addInitialProperty("camel.component.kaizala.application-id", required("kaizala.application-id"));
        main.addInitialProperty("camel.component.kaizala.application-secret", required("kaizala.application-secret"));
        main.addInitialProperty("camel.component.kaizala.refresh-token", required("kaizala.refresh-token"));
        main.addInitialProperty("camel.component.kaizala.callback-token", required("kaizala.callback-token"));
        // the connector's 100 calls a minute are shared by every instance: each paces its own share
        main.addInitialProperty("camel.component.kaizala.rate-limit", System.getProperty("kaizala.rate-limit", "50"));
        main.addInitialProperty("kaizala.group-id", required("kaizala.group-id"));
        main.addInitialProperty("kaizala.public-url", required("kaizala.public-url"));

        AtomicInteger processed = new AtomicInteger();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                getCamelContext().getRegistry().bind("eventIds",
                        repository(System.getProperty("repository", "leased"), getCamelContext(), dataSource, transactions,
                                name, leaseMillis));
                IdempotentRepository eventIds = getCamelContext().getRegistry().lookupByNameAndType("eventIds",
                        IdempotentRepository.class);

                from("kaizala:events?groupId={{kaizala.group-id}}&webhookExternalUrl={{kaizala.public-url}}"
                     + "&allowInsecureWebhookUrl=true&webhookAutoUnregister=false&idempotentRepository=#eventIds")
                        .routeId("kaizala-events")
                        .process(exchange -> transactions.executeWithoutResult(status -> {
                            String eventId = exchange.getMessage().getHeader(KaizalaConstants.EVENT_ID, String.class);
                            jdbc.update("INSERT INTO processed (event_id, instance) VALUES (?, ?)", eventId, name);
                            if (processed.incrementAndGet() == holdAt) {
                                hold(eventId);
                            }
                            // the same transaction: recorded and confirmed together, or neither
                            eventIds.confirm(eventId);
                        }));
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport support) {
                System.out.println("READY " + name + " on port " + port);
                System.out.flush();
            }
        });
        try {
            main.run();
        } finally {
            dataSource.close();
        }
    }

    static IdempotentRepository repository(String kind, CamelContext context, HikariDataSource dataSource,
                                           TransactionTemplate transactions, String name, long leaseMillis) {
        switch (kind) {
            case "leased":
                return new LeasedJdbcMessageIdRepository(dataSource, transactions, "kaizala-events", "kaizala_event_ids",
                        name, leaseMillis);
            case "jdbc":
                return new JdbcMessageIdRepository(dataSource, transactions, "kaizala-events");
            case "orphan":
                JdbcOrphanLockAwareIdempotentRepository orphan = new JdbcOrphanLockAwareIdempotentRepository(dataSource,
                        transactions, "kaizala-events", context);
                orphan.setLockMaxAgeMillis(leaseMillis);
                orphan.setLockKeepAliveIntervalMillis(Math.max(50, leaseMillis / 4));
                return orphan;
            default:
                throw new IllegalArgumentException("repository: leased, jdbc or orphan, not " + kind);
        }
    }

    /** The test's kill point: recorded in the open transaction, not committed, not confirmed; waits to be killed. */
    private static void hold(String eventId) {
        System.out.println("HOLDING " + eventId);
        System.out.flush();
        try {
            TimeUnit.SECONDS.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("held event " + eventId + " was not killed within 60 s");
    }

    /** Halts when the parent process closes our standard input (or dies), or after maxSeconds. */
    private static void watchParent(long maxSeconds) {
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent writes nothing; EOF means it closed the pipe or died
                }
            } catch (Exception e) {
                // closed
            }
            System.out.println("STDIN closed: stopping");
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Thread limit = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(maxSeconds);
                System.out.println("max.lifetime.s reached: stopping");
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lifetime-limit");
        limit.setDaemon(true);
        limit.start();
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + key + " is required");
        }
        return value;
    }
}
