package io.github.camelkaizala.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A throwaway PostgreSQL server on 127.0.0.1 (a free port), from what {@code .ci/scaleout-env.sh} prepared (it installs
 * PostgreSQL from Debian's packages when missing and writes {@code env.properties}); fails, never skips, when that was
 * not run. Runs under a watchdog as the non-root user PostgreSQL needs, and stops when closed or when the JVM dies.
 */
public final class Postgres implements AutoCloseable {

    private final Properties env;
    private final Child server;
    private final int port;
    private final List<HikariDataSource> pools = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Postgres(Properties env, Child server, int port) {
        this.env = env;
        this.server = server;
        this.port = port;
    }

    /** The environment {@code .ci/scaleout-env.sh} wrote; a clear failure when it is missing. */
    public static Properties environment() throws IOException {
        Path file = Path.of(System.getProperty("scaleout.dir", "/tmp/kaizala-scaleout"), "env.properties");
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    file + " is missing: run .ci/scaleout-env.sh first (the -Pscaleout build does;"
                            + " it installs PostgreSQL from Debian's packages when missing)");
        }
        Properties env = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            env.load(in);
        }
        return env;
    }

    /** Starts the server and (re)creates {@code database}, empty. */
    public static Postgres start(Path logs, String database) throws Exception {
        Properties env = environment();
        int port = freePort();
        Child server = Child.startWatched("postgres", asServerUser(env, List.of(env.getProperty("pg.bin") + "/postgres",
                "-D", env.getProperty("pg.data"), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off",
                "-c", "max_connections=100", "-c", "log_min_messages=warning")), logs, "INT", Duration.ofMinutes(20));
        Postgres postgres = new Postgres(env, server, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection db = postgres.connect("postgres"); Statement s = db.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + database);
                return postgres;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !server.alive()) {
                    postgres.close();
                    throw new IllegalStateException(
                            "PostgreSQL did not start: " + e.getMessage() + "\n" + server.tail(), e);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Runs a server as the non-root user of env.properties (PostgreSQL refuses root). */
    public static List<String> asServerUser(Properties env, List<String> command) {
        List<String> full = new ArrayList<>();
        if (Boolean.parseBoolean(env.getProperty("run.as.root"))) {
            String user = env.getProperty("run.as");
            full.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        }
        full.addAll(command);
        return full;
    }

    public Properties env() {
        return env;
    }

    public String user() {
        return env.getProperty("pg.user");
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), "");
    }

    /** A connection pool of its own, as each instance (JVM) has one; closed with the server. */
    public DataSource dataSource(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(user());
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        pools.forEach(HikariDataSource::close);
        server.stop(false, Duration.ofSeconds(30));
    }
}
