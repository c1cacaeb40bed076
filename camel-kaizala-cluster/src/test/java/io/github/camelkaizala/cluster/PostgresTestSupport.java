package io.github.camelkaizala.cluster;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real PostgreSQL server per test class (see {@link Postgres}), with an empty database {@value #DATABASE}. */
abstract class PostgresTestSupport {

    static final String DATABASE = "kaizala_cluster";
    static Postgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = Postgres.start(Path.of(System.getProperty("scaleout.logs", "target/postgres-logs")), DATABASE);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
