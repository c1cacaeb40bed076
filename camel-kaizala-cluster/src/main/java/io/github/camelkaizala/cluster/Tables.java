package io.github.camelkaizala.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** The tables of this module, created when missing. */
final class Tables {

    /** An advisory lock id of this module's own (any fixed 64-bit number). */
    private static final long DDL_LOCK = 0x4b61697a616c6144L;

    private Tables() {
    }

    /** A table name that can go into SQL as it is: letters, digits and _, not starting with a digit. */
    static String checkName(String table) {
        if (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("table: a plain SQL name (letters, digits, _), not " + table);
        }
        return table;
    }

    /**
     * Runs a {@code CREATE TABLE IF NOT EXISTS} one instance at a time: PostgreSQL's own check races when instances
     * start together (the loser fails on {@code pg_type_typname_nsp_index}).
     */
    static void createIfMissing(DataSource dataSource, String ddl) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
                s.execute(ddl);
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(autoCommit);
            }
        }
    }
}
