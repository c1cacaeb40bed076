package io.github.camelkaizala.cluster.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkaizala.cluster.LeasedJdbcMessageIdRepository;
import io.github.camelkaizala.cluster.Postgres;
import io.github.camelkaizala.cluster.PostgresKaizalaRateLimiter;
import io.github.camelkaizala.cluster.PostgresSubscriptionLock;
import io.github.camelkaizala.simulator.Delivery;
import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.github.camelkaizala.simulator.Webhook;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-kaizala-cluster in a Spring Boot application, configured as docs/scale-out.md shows it: {@link ClusterApplication}
 * with {@link ClusterBeans} and {@code config/application.properties}, started the way its {@code main} starts it,
 * against a real PostgreSQL and the Kaizala simulator. The test passes only what a deployment passes: where PostgreSQL
 * and Kaizala are, the secrets, the group, a free HTTP port.
 *
 * <p>While it starts, the test plays a second instance that is registering the same group's subscription (it holds
 * the subscription lock), and lets go once the application waits for it in PostgreSQL.
 */
class SpringBootPostgresTest {

    static final String DATABASE = "kaizala";
    static final String MEMBER = "+15550100042";

    static Postgres postgres;
    static KaizalaSimulator simulator;
    static String groupId;
    /** What the other instance saw when the application waited for its lock: the group's subscriptions then. */
    static CompletableFuture<List<Webhook>> subscriptionsWhileTheApplicationWaited;
    static ConfigurableApplicationContext application;

    @BeforeAll
    static void startTheApplication() throws Exception {
        postgres = Postgres.start(Path.of(System.getProperty("scaleout.logs", "target/postgres-logs")), DATABASE);
        simulator = KaizalaSimulator.start();
        groupId = simulator.state().createGroup("Scale-out on Spring Boot").id();

        PostgresSubscriptionLock otherInstance = new PostgresSubscriptionLock();
        otherInstance.setDataSource(postgres.dataSource(DATABASE));
        subscriptionsWhileTheApplicationWaited = releaseOnceWaitedFor(otherInstance.lock("Group:" + groupId));

        application = SpringApplication.run(ClusterApplication.class,
                "--postgres.port=" + postgres.port(),
                "--KAIZALA_DB_PASSWORD=unused-by-trust-authentication",
                "--KAIZALA_CALLBACK_TOKEN=shared-by-every-instance-0123456789",
                "--kaizala.auth-url=" + simulator.authUrl(),
                "--kaizala.group-id=" + groupId,
                "--server.port=" + Postgres.freePort());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (application != null) {
                application.close();
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void theDocumentedPropertiesReachTheBeansAndTheComponentUsesTheLimiterAndTheLock() {
        KaizalaComponent kaizala = application.getBean(CamelContext.class).getComponent("kaizala",
                KaizalaComponent.class);
        PostgresKaizalaRateLimiter limiter = application.getBean(PostgresKaizalaRateLimiter.class);
        PostgresSubscriptionLock lock = application.getBean(PostgresSubscriptionLock.class);
        LeasedJdbcMessageIdRepository eventIds = application.getBean("eventIds", LeasedJdbcMessageIdRepository.class);

        assertThat(kaizala.getRateLimiter()).as("autowired by type").isSameAs(limiter);
        assertThat(kaizala.getSubscriptionLock()).as("autowired by type").isSameAs(lock);
        assertThat(limiter.getConnectorLimit()).isEqualTo(90);
        assertThat(limiter.getTenantLimit()).isEqualTo(250);
        assertThat(lock.getTimeout()).isEqualTo(30_000);
        assertThat(eventIds.getLeaseMillis()).isEqualTo(120_000);
    }

    @Test
    void aSendIsPacedByTheBucketsInPostgres() throws Exception {
        Map<String, byte[]> before = rateBuckets();
        assertThat(before.keySet()).as("the buckets the consumer's start-up calls went through")
                .anyMatch(id -> id.startsWith("connector:" + KaizalaSimulator.DEFAULT_APPLICATION_ID + "/90/"))
                .anyMatch(id -> id.startsWith("tenant:default/250/"));

        Exchange sent = application.getBean(ProducerTemplate.class).request("direct:announce",
                e -> e.getMessage().setBody("paced across instances"));

        assertThat(sent.getException()).isNull();
        assertThat(simulator.state().group(groupId).orElseThrow().messages()).extracting(m -> m.text())
                .contains("paced across instances");
        Map<String, byte[]> after = rateBuckets();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, state) -> assertThat(after.get(id)).as("%s took the send's token", id).isNotEqualTo(state));
    }

    @Test
    void theSubscriptionIsCreatedUnderTheLockInPostgres() throws Exception {
        assertThat(subscriptionsWhileTheApplicationWaited.get(90, TimeUnit.SECONDS))
                .as("the application waited for the other instance's lock on Group:%s before subscribing", groupId)
                .isEmpty();

        List<Webhook> subscriptions = groupSubscriptions();
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).active()).isTrue();
        assertThat(subscriptions.get(0).callbackToken()).isEqualTo("shared-by-every-instance-0123456789");
    }

    @Test
    void anEventDeliveredTwiceIsProcessedOnceAndItsIdIsInPostgres() throws Exception {
        simulator.human(MEMBER).join(groupId);
        simulator.human(MEMBER).postText(groupId, "once, however often Kaizala delivers it");
        ConsumerTemplate routed = application.getBean(ConsumerTemplate.class);
        Exchange first = routed.receive("seda:events", 20_000);
        while (first != null && !MEMBER.equals(first.getMessage().getHeader(KaizalaConstants.FROM_USER))) {
            first = routed.receive("seda:events", 20_000);
        }
        assertThat(first).as("the member's post, routed").isNotNull();
        String eventId = first.getMessage().getHeader(KaizalaConstants.EVENT_ID, String.class);

        assertThat(simulator.webhooks().redeliver(eventId)).isEqualTo(1);
        Delivery again = awaitDuplicateDelivery(eventId);

        assertThat(again.status()).as("the second delivery is answered 200, as a duplicate").isEqualTo(200);
        List<String> routedAgain = new ArrayList<>();
        for (Exchange e; (e = routed.receiveNoWait("seda:events")) != null;) {
            routedAgain.add(e.getMessage().getHeader(KaizalaConstants.EVENT_ID, String.class));
        }
        assertThat(routedAgain).as("routed before the duplicate was answered").doesNotContain(eventId);
        try (Connection db = postgres.connect(DATABASE);
                PreparedStatement select = db.prepareStatement(
                        "SELECT processorName, confirmed FROM kaizala_event_ids WHERE messageId = ?")) {
            select.setString(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("%s in kaizala_event_ids", eventId).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kaizala-events");
                assertThat(rs.getBoolean(2)).as("confirmed").isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void docsShowThisApplicationsConfiguration() throws Exception {
        String page = Files.readString(Path.of("../docs/scale-out.md"));
        String section = page.substring(page.indexOf("**Spring Boot**"));
        String beans = Files
                .readString(Path.of("src/test/java/io/github/camelkaizala/cluster/springboot/ClusterBeans.java"));
        assertThat(squeeze(beans)).contains(squeeze(block(section, "java")));

        List<String> properties = Files.readAllLines(Path.of("src/test/resources/config/application.properties"));
        for (String line : block(section, "properties").split("\n")) {
            if (line.startsWith("spring.datasource.url = ")) {
                assertThat(properties).anyMatch(p -> p.startsWith("spring.datasource.url = jdbc:postgresql://"));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(properties).as("the application's properties").contains(line);
            }
        }
    }

    /**
     * Holds {@code held} (the other instance's lock) until the application waits for the same advisory lock in
     * PostgreSQL, then notes the group's subscriptions and lets go; after 90 s (the application never waited) it lets
     * go and completes with null.
     */
    private static CompletableFuture<List<Webhook>> releaseOnceWaitedFor(AutoCloseable held) {
        CompletableFuture<List<Webhook>> seen = new CompletableFuture<>();
        Thread watcher = new Thread(() -> {
            try (held;
                    Connection db = postgres.connect(DATABASE);
                    PreparedStatement waiting = db.prepareStatement("SELECT count(*) FROM pg_locks w"
                            + " JOIN pg_locks h USING (locktype, database, classid, objid, objsubid)"
                            + " WHERE w.locktype = 'advisory' AND NOT w.granted AND h.granted")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (System.nanoTime() < deadline) {
                    try (ResultSet rs = waiting.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            seen.complete(groupSubscriptions());
                            return;
                        }
                    }
                    Thread.sleep(50);
                }
                seen.complete(null);
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        }, "other-instance");
        watcher.setDaemon(true);
        watcher.start();
        return seen;
    }

    private static List<Webhook> groupSubscriptions() {
        return simulator.state().webhooks().stream().filter(w -> groupId.equals(w.objectId())).toList();
    }

    private static Delivery awaitDuplicateDelivery(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Delivery d : simulator.deliveries()) {
                if (d.eventId().equals(eventId) && d.duplicate()) {
                    return d;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the simulator did not deliver " + eventId + " a second time within 20 s");
    }

    private static Map<String, byte[]> rateBuckets() throws SQLException {
        Map<String, byte[]> buckets = new HashMap<>();
        try (Connection db = postgres.connect(DATABASE);
                ResultSet rs = db.createStatement().executeQuery("SELECT id, state FROM kaizala_rate_limits")) {
            while (rs.next()) {
                buckets.put(rs.getString(1), rs.getBytes(2));
            }
        }
        return buckets;
    }

    /** The first {@code ```language} block of {@code markdown}. */
    private static String block(String markdown, String language) {
        Matcher m = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(markdown);
        assertThat(m.find()).as("a ```%s block in docs/scale-out.md's Spring Boot part", language).isTrue();
        return m.group(1);
    }

    private static String squeeze(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
