package io.github.camelkaizala.scaleout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaEndpoint;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
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
 * same {@code callbackToken} everywhere, and what the instances share in PostgreSQL from camel-kaizala-cluster, every
 * piece a bean configured by {@code camel.beans.*} properties exactly as a user would (see {@link #clusterProperties}):
 * the event ids ({@code LeasedJdbcMessageIdRepository}), the pacing ({@code PostgresKaizalaRateLimiter}) and the
 * subscription lock ({@code PostgresSubscriptionLock}), the last two autowired by the kaizala component. The route
 * records each event in the table {@code processed (event_id, instance)} — no unique key, so that a double would show
 * — and confirms the id in the same database transaction.
 *
 * <p>Configuration (system properties): {@code instance} (name), {@code port}, {@code jdbc.url}, {@code jdbc.user},
 * {@code kaizala.auth-url}, {@code kaizala.group-ids} (one route per group), {@code kaizala.public-url} (the load
 * balancer), {@code kaizala.callback-token}, {@code connector.limit} and {@code tenant.limit} (the shared pacing),
 * {@code repository} ({@code leased} (default), {@code jdbc} or {@code orphan}: camel-sql's JdbcMessageIdRepository /
 * JdbcOrphanLockAwareIdempotentRepository as they are, to show what they lose), {@code lease.ms},
 * {@code register.on.command} (true: the routes serve their callbacks at once but subscribe only on a command, so that
 * the test can make instances subscribe at the same instant; {@code lock=false} leaves the lock out, to show the race),
 * and for the test's kill {@code hold.at}: the n-th event this instance processes is held inside its transaction
 * (recorded, not committed, not confirmed) and "HOLDING id" printed. Commands on standard input: {@code REGISTER
 * groupId} (prints {@code REGISTERED groupId webhookId}), {@code BURST groupId n} (n messages sent at once, paced by the
 * component; prints {@code BURST DONE ok=… failed=…}). Stops when its standard input closes (its parent died) or after
 * {@code max.lifetime.s}.
 */
public final class ScaleOutInstance {

    private static volatile CamelContext camel;

    private ScaleOutInstance() {
    }

    /** What the instances share, as a user configures it: the properties of docs/scale-out.md. */
    static Map<String, String> clusterProperties(String name) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.beans.dataSource", "#class:com.zaxxer.hikari.HikariDataSource");
        p.put("camel.beans.dataSource.jdbcUrl", required("jdbc.url"));
        p.put("camel.beans.dataSource.username", System.getProperty("jdbc.user", "kaizala"));
        p.put("camel.beans.dataSource.maximumPoolSize", "8");
        p.put("camel.beans.dataSource.poolName", "pg-" + name);
        p.put("camel.beans.eventIds", "#class:io.github.camelkaizala.cluster.LeasedJdbcMessageIdRepository");
        p.put("camel.beans.eventIds.dataSource", "#bean:dataSource");
        p.put("camel.beans.eventIds.instanceName", name);
        p.put("camel.beans.eventIds.leaseMillis", System.getProperty("lease.ms", "5000"));
        p.put("camel.beans.kaizalaRateLimiter", "#class:io.github.camelkaizala.cluster.PostgresKaizalaRateLimiter");
        p.put("camel.beans.kaizalaRateLimiter.dataSource", "#bean:dataSource");
        p.put("camel.beans.kaizalaRateLimiter.connectorLimit", System.getProperty("connector.limit", "100"));
        p.put("camel.beans.kaizalaRateLimiter.tenantLimit", System.getProperty("tenant.limit", "300"));
        if (Boolean.parseBoolean(System.getProperty("lock", "true"))) {
            p.put("camel.beans.kaizalaSubscriptionLock",
                    "#class:io.github.camelkaizala.cluster.PostgresSubscriptionLock");
            p.put("camel.beans.kaizalaSubscriptionLock.dataSource", "#bean:dataSource");
        }
        return p;
    }

    public static void main(String[] args) throws Exception {
        String name = required("instance");
        int port = Integer.parseInt(required("port"));
        int holdAt = Integer.getInteger("hold.at", 0);
        boolean registerOnCommand = Boolean.getBoolean("register.on.command");
        watchParent(Long.getLong("max.lifetime.s", 1200));

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
        clusterProperties(name).forEach(main::addInitialProperty);
        main.addInitialProperty("kaizala.public-url", required("kaizala.public-url"));

        AtomicInteger processed = new AtomicInteger();
        main.configure().addRoutesBuilder(new RouteBuilder() {

            @Override
            public void configure() {
                DataSource dataSource = getCamelContext().getRegistry().lookupByNameAndType("dataSource",
                        DataSource.class);
                TransactionTemplate transactions = new TransactionTemplate(
                        new DataSourceTransactionManager(dataSource));
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                String kind = System.getProperty("repository", "leased");
                if (!"leased".equals(kind)) {
                    getCamelContext().getRegistry().bind("eventIds", repository(kind, getCamelContext(), dataSource,
                            transactions, Long.getLong("lease.ms", 5000)));
                }
                IdempotentRepository eventIds = getCamelContext().getRegistry().lookupByNameAndType("eventIds",
                        IdempotentRepository.class);

                for (String groupId : required("kaizala.group-ids").split(",")) {
                    from("kaizala:events?groupId=" + groupId + "&webhookExternalUrl={{kaizala.public-url}}"
                            + "&allowInsecureWebhookUrl=true&webhookAutoUnregister=false&idempotentRepository=#eventIds"
                            + (registerOnCommand ? "&webhookAutoRegister=false" : ""))
                            .routeId("events-" + groupId)
                            .process(exchange -> transactions.executeWithoutResult(status -> {
                                String eventId = exchange.getMessage().getHeader(KaizalaConstants.EVENT_ID,
                                        String.class);
                                jdbc.update("INSERT INTO processed (event_id, instance) VALUES (?, ?)", eventId, name);
                                if (processed.incrementAndGet() == holdAt) {
                                    hold(eventId);
                                }
                                // the same transaction: recorded and confirmed together, or neither
                                eventIds.confirm(eventId);
                            }));
                }
            }
        });
        main.addMainListener(new MainListenerSupport() {

            @Override
            public void afterStart(BaseMainSupport support) {
                camel = support.getCamelContext();
                System.out.println("READY " + name + " on port " + port);
                System.out.flush();
            }
        });
        main.run();
    }

    /** REGISTER groupId: subscribes the route of that group now (the lock, then find or create). */
    private static void register(String groupId) {
        try {
            KaizalaEndpoint endpoint = (KaizalaEndpoint) camel.getRoute("events-" + groupId).getEndpoint();
            endpoint.registerWebhook();
            System.out.println("REGISTERED " + groupId + " " + endpoint.getSubscription().webhookId()
                    + (endpoint.getSubscription().created() ? " created" : " reused"));
        } catch (Exception e) {
            System.out.println("REGISTERFAILED " + groupId + " " + e);
        }
        System.out.flush();
    }

    /** BURST groupId n: n messages at once, paced by the component (the per-JVM limit, then the shared one). */
    private static void burst(String groupId, int calls) {
        ProducerTemplate template = camel.createProducerTemplate();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String text = "burst " + i;
            sent.add(template.asyncSend("kaizala:messages/send?groupId=" + groupId, e -> e.getMessage().setBody(text)));
        }
        long failed = sent.stream().map(CompletableFuture::join).filter(e -> e.getException() != null).count();
        System.out.println("BURST DONE ok=" + (calls - failed) + " failed=" + failed);
        System.out.flush();
    }

    /** camel-sql's repositories as they are, for comparison (docs/scale-out.md measures what they lose). */
    static IdempotentRepository repository(String kind, CamelContext context, DataSource dataSource,
            TransactionTemplate transactions, long leaseMillis) {
        switch (kind) {
            case "jdbc" :
                return new JdbcMessageIdRepository(dataSource, transactions, "kaizala-events");
            case "orphan" :
                JdbcOrphanLockAwareIdempotentRepository orphan = new JdbcOrphanLockAwareIdempotentRepository(dataSource,
                        transactions, "kaizala-events", context);
                orphan.setLockMaxAgeMillis(leaseMillis);
                orphan.setLockKeepAliveIntervalMillis(Math.max(50, leaseMillis / 4));
                return orphan;
            default :
                throw new IllegalArgumentException("repository: leased (the default), jdbc or orphan, not " + kind);
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

    /** Runs the commands of standard input; halts when the parent closes it (or dies), or after maxSeconds. */
    private static void watchParent(long maxSeconds) {
        Thread watch = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] command = line.trim().split("\\s+");
                    if (command.length == 2 && "REGISTER".equals(command[0])) {
                        new Thread(() -> register(command[1]), "register").start();
                    } else if (command.length == 3 && "BURST".equals(command[0])) {
                        new Thread(() -> burst(command[1], Integer.parseInt(command[2])), "burst").start();
                    }
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
