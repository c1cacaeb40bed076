package io.github.camelkaizala.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.apache.camel.component.kaizala.api.KaizalaSubscriptionLock;

/**
 * The lock instances starting together take in turn while they find or create their webhook subscription: a
 * PostgreSQL transaction-level advisory lock ({@code pg_advisory_xact_lock}) on a connection held for the
 * registration. PostgreSQL releases it when the handle is closed, and also when the instance dies (its connection
 * closes): a dead instance never keeps the others from starting. Bind it as a bean: the kaizala component autowires
 * it.
 *
 * <p>Properties (Camel Main, Camel Quarkus: {@code camel.beans.kaizalaSubscriptionLock =
 * #class:io.github.camelkaizala.cluster.PostgresSubscriptionLock}, then {@code .dataSource} (required) and
 * {@code .timeout} (milliseconds to wait for the lock, 60000; the consumer fails to start after it).
 */
public class PostgresSubscriptionLock implements KaizalaSubscriptionLock {

    private DataSource dataSource;
    private long timeout = 60_000;

    @Override
    public AutoCloseable lock(String key) throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("PostgresSubscriptionLock needs a dataSource (PostgreSQL), e.g."
                    + " camel.beans.kaizalaSubscriptionLock.dataSource = #bean:dataSource");
        }
        Connection db = dataSource.getConnection();
        try {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("SET LOCAL lock_timeout = " + Math.max(1, timeout));
            }
            try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, lockId(key));
                lock.execute();
            }
        } catch (SQLException e) {
            db.close();
            throw new IllegalStateException("Could not take the subscription lock for " + key + " in PostgreSQL within "
                    + timeout + " ms: " + e.getMessage(), e);
        }
        return () -> {
            try (db) {
                db.commit();
            }
        };
    }

    /** The lock's 64-bit id: the first 8 bytes of SHA-256 of the key (the same in every instance and version). */
    static long lockId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("kaizala-subscription:" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The PostgreSQL database the instances share (required). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long getTimeout() {
        return timeout;
    }

    /** How long to wait for another instance's registration, in milliseconds (60000). */
    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }
}
