package io.github.camelkaizala.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.AbstractJdbcMessageIdRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A shared idempotent repository for webhook consumers running as several instances (PostgreSQL), built on camel-sql's
 * {@link AbstractJdbcMessageIdRepository} (its JdbcTemplate and TransactionTemplate). Each id is a row that is either
 * <b>held</b> — taken by one instance, which renews a lease (a heartbeat) while it processes — or <b>confirmed</b>
 * (processed, for good):
 * <ul>
 * <li>{@code add}: a new id is inserted as held by this instance → {@code true}; a confirmed id → {@code false} (a
 * duplicate); a held id whose lease expired (its instance died) is taken over → {@code true}; a held id under a live
 * lease → {@link EventHeldElsewhereException}: the consumer answers 503 and Kaizala delivers again later, when the
 * holder has confirmed it (then a duplicate) or died (then taken over).</li>
 * <li>{@code confirm} marks it confirmed. It may run inside the route's own transaction (same DataSource, Spring
 * transaction propagation): the side effect and the confirmation then commit together, or not at all.</li>
 * <li>{@code remove} (after a failed route) deletes a held id of this instance, never a confirmed one.</li>
 * </ul>
 * Why not camel-sql's repositories as they are: {@code JdbcMessageIdRepository} keeps an id added by an instance killed
 * before {@code confirm}/{@code remove} for ever, so every redelivery is dropped as a duplicate — the event is lost;
 * {@code JdbcOrphanLockAwareIdempotentRepository} has no notion of confirmed (its {@code confirm} does nothing and its
 * keep-alive renews every id the JVM ever added), so when an instance dies every id it took — processed ones too —
 * becomes an "orphan" after {@code lockMaxAgeMillis} and a later duplicate is processed again; and before that age a
 * redelivery of the event the dead instance was processing is answered "duplicate" — lost. Times are the database's
 * ({@code CURRENT_TIMESTAMP}), so the instances' clocks do not matter.
 *
 * <p>As a bean from properties (Camel Main, Camel Quarkus): {@code camel.beans.eventIds =
 * #class:io.github.camelkaizala.cluster.LeasedJdbcMessageIdRepository}, {@code camel.beans.eventIds.dataSource =
 * #bean:dataSource}, and optionally {@code .processorName}, {@code .table}, {@code .instanceName},
 * {@code .leaseMillis}; then {@code idempotentRepository=#eventIds} on {@code kaizala:events}. The table is created
 * when missing, on start.
 */
public class LeasedJdbcMessageIdRepository extends AbstractJdbcMessageIdRepository {

    /** The id is held by another instance whose lease is live: the caller should retry later. */
    public static final class EventHeldElsewhereException extends IllegalStateException {

        public EventHeldElsewhereException(String key, String owner) {
            super("event " + key + " is being processed by " + owner + " (lease not expired)");
        }
    }

    /** The default table. */
    public static final String DEFAULT_TABLE = "kaizala_event_ids";
    /** The default lease: well above a pause of a live instance, far below Kaizala's first redelivery (45 min). */
    public static final long DEFAULT_LEASE_MILLIS = 60_000;

    private String table = DEFAULT_TABLE;
    private String instanceName = hostName();
    private long leaseMillis = DEFAULT_LEASE_MILLIS;
    private volatile String owner;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeat;

    /** For a bean configured by setters: dataSource is required, the rest has defaults. */
    public LeasedJdbcMessageIdRepository() {
        setProcessorName("kaizala-events");
    }

    public LeasedJdbcMessageIdRepository(DataSource dataSource, TransactionTemplate transactionTemplate,
            String processorName,
            String table, String instanceName, long leaseMillis) {
        super(dataSource, transactionTemplate, processorName);
        setTable(table);
        setInstanceName(instanceName);
        setLeaseMillis(leaseMillis);
    }

    /** This instance's name in the table's owner column: its name, then a random part (a restart is another owner). */
    public String owner() {
        return owner;
    }

    public String getTable() {
        return table;
    }

    /** The table holding the ids (created when missing); a plain SQL name. Default {@value #DEFAULT_TABLE}. */
    public void setTable(String table) {
        this.table = Tables.checkName(table);
    }

    public String getInstanceName() {
        return instanceName;
    }

    /** Names this instance in the owner column and in the take-over warning. Default: the host name (a pod's name). */
    public void setInstanceName(String instanceName) {
        if (instanceName == null || instanceName.isBlank() || instanceName.length() > 80) {
            throw new IllegalArgumentException("instanceName: 1 to 80 characters, not " + instanceName);
        }
        this.instanceName = instanceName;
    }

    public long getLeaseMillis() {
        return leaseMillis;
    }

    /**
     * How long an id taken by an instance stays its own without a heartbeat (renewed every lease/4 while it processes);
     * after that another instance takes it over. Default {@value #DEFAULT_LEASE_MILLIS} ms.
     */
    public void setLeaseMillis(long leaseMillis) {
        if (leaseMillis < 200) {
            throw new IllegalArgumentException("leaseMillis: at least 200 ms (the heartbeat renews every lease/4), not "
                    + leaseMillis);
        }
        this.leaseMillis = leaseMillis;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null && jdbcTemplate == null) {
            throw new IllegalArgumentException("LeasedJdbcMessageIdRepository needs a dataSource (PostgreSQL), e.g."
                    + " camel.beans.eventIds.dataSource = #bean:dataSource");
        }
        if (jdbcTemplate == null) {
            jdbcTemplate = new JdbcTemplate(dataSource);
        }
        if (transactionTemplate == null) {
            transactionTemplate = createTransactionTemplate(jdbcTemplate.getDataSource());
        }
        owner = instanceName + "/" + UUID.randomUUID().toString().substring(0, 8);
        super.doStart();
        Tables.createIfMissing(jdbcTemplate.getDataSource(), "CREATE TABLE IF NOT EXISTS " + table
                + " (processorName VARCHAR(255) NOT NULL, messageId VARCHAR(100) NOT NULL, createdAt TIMESTAMPTZ NOT NULL,"
                + " confirmed BOOLEAN NOT NULL DEFAULT FALSE, heartbeat TIMESTAMPTZ, owner VARCHAR(100),"
                + " PRIMARY KEY (processorName, messageId))");
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, leaseMillis / 4);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        super.doStop();
    }

    @Override
    public boolean add(String key) {
        Boolean taken = transactionTemplate.execute(status -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(key) == 1) {
                    return true;
                }
                List<Map<String, Object>> rows = jdbcTemplate.queryForList(
                        "SELECT confirmed, owner, heartbeat < CURRENT_TIMESTAMP - make_interval(secs => ?) AS expired"
                                + " FROM " + table + " WHERE processorName = ? AND messageId = ? FOR UPDATE",
                        leaseMillis / 1000.0, processorName, key);
                if (rows.isEmpty()) {
                    continue; // removed in between: insert again
                }
                Map<String, Object> row = rows.get(0);
                if (Boolean.TRUE.equals(row.get("confirmed"))) {
                    return false;
                }
                if (Boolean.TRUE.equals(row.get("expired"))) {
                    jdbcTemplate.update("UPDATE " + table + " SET owner = ?, heartbeat = CURRENT_TIMESTAMP"
                            + " WHERE processorName = ? AND messageId = ?", owner, processorName, key);
                    log.warn("Took over event {} from {}, whose lease expired (the instance died while processing it)",
                            key, row.get("owner"));
                    return true;
                }
                throw new EventHeldElsewhereException(key, String.valueOf(row.get("owner")));
            }
            throw new IllegalStateException("event " + key + " keeps being inserted and removed");
        });
        if (Boolean.TRUE.equals(taken)) {
            held.add(key);
        }
        return Boolean.TRUE.equals(taken);
    }

    @Override
    public boolean confirm(String key) {
        if (!held.remove(key)) {
            return true; // confirmed already (in the route's transaction), or not taken by this instance
        }
        Integer updated = transactionTemplate.execute(status -> jdbcTemplate.update(
                "UPDATE " + table + " SET confirmed = TRUE, heartbeat = NULL WHERE processorName = ? AND messageId = ?",
                processorName, key));
        return updated != null && updated == 1;
    }

    @Override
    public boolean remove(String key) {
        held.remove(key);
        return super.remove(key);
    }

    @Override
    protected int queryForInt(String key) {
        return jdbcTemplate.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE processorName = ? AND messageId = ?",
                Integer.class, processorName, key);
    }

    @Override
    protected int insert(String key) {
        return jdbcTemplate.update("INSERT INTO " + table + " (processorName, messageId, createdAt, heartbeat, owner)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?) ON CONFLICT DO NOTHING",
                processorName, key, owner);
    }

    /** Deletes a held id of this instance (after a failed route); a confirmed one stays. */
    @Override
    protected int delete(String key) {
        return jdbcTemplate
                .update("DELETE FROM " + table + " WHERE processorName = ? AND messageId = ? AND NOT confirmed"
                        + " AND owner = ?", processorName, key, owner);
    }

    @Override
    protected int delete() {
        return jdbcTemplate.update("DELETE FROM " + table + " WHERE processorName = ?", processorName);
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "instance";
            }
        }
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    private void renewLeases() {
        List<Object[]> keys = new ArrayList<>();
        for (String key : held) {
            keys.add(new Object[]{processorName, key, owner});
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            transactionTemplate.executeWithoutResult(status -> jdbcTemplate.batchUpdate(
                    "UPDATE " + table + " SET heartbeat = CURRENT_TIMESTAMP WHERE processorName = ? AND messageId = ?"
                            + " AND owner = ? AND NOT confirmed",
                    keys));
        } catch (RuntimeException e) {
            log.warn("Could not renew the leases of {} events: {}", keys.size(), e.getMessage());
        }
    }
}
