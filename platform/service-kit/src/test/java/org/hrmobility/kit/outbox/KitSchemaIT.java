package org.hrmobility.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.PostgresServer;
import org.hrmobility.kit.failure.TransientFailures;
import org.hrmobility.kit.test.FreezableProxy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that starts while its database is away for a moment, or restarts under it: its migrations wait for it. */
class KitSchemaIT {

    @Test
    @DisplayName("the kit's migrations wait for a database that comes back a few seconds later, instead of failing the start")
    void waitsForTheDatabase(@TempDir Path data) throws Exception {
        PostgresServer postgres = new PostgresServer(Ports.pickFree(), data);
        JdbcSettings jdbc = new JdbcSettings("jdbc:postgresql://localhost:" + postgres.port() + "/postgres", "postgres", "postgres");
        try {
            CompletableFuture<Void> later = CompletableFuture.runAsync(postgres::start,
                    CompletableFuture.delayedExecutor(4, TimeUnit.SECONDS));

            KitSchema.migrate(jdbc, 12, Duration.ofSeconds(2));

            later.join();
            try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from " + KitSchema.SCHEMA + ".outbox_event")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            postgres.stop();
        }
    }

    @Test
    @DisplayName("a migration whose connection is cut while it runs (a database restart) is run again, and done once")
    void runsAgainAfterACut(@TempDir Path data) throws Exception {
        PostgresServer postgres = new PostgresServer(Ports.pickFree(), data);
        postgres.start();
        try (FreezableProxy proxy = new FreezableProxy("localhost", postgres.port())) {
            String url = "jdbc:postgresql://localhost:" + proxy.port() + "/postgres";
            Flyway flyway = Flyway.configure().dataSource(url, "postgres", "postgres")
                    .locations("classpath:db/slow-migration").load();
            CompletableFuture.runAsync(proxy::cut, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

            RetriedMigration.run("a slow schema", flyway::migrate, 5, Duration.ofSeconds(2));

            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 ResultSet rows = c.createStatement().executeQuery("select count(*) from slow_table");
                 ResultSet history = c.createStatement().executeQuery(
                         "select count(*) from flyway_schema_history where success and version = '1'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(history.next()).isTrue();
                assertThat(history.getInt(1)).isEqualTo(1);
            }
        } finally {
            postgres.stop();
        }
    }

    @Test
    @DisplayName("the same cut without retries fails the start: the case above is not passing by luck")
    void aCutFailsWithoutRetries(@TempDir Path data) throws Exception {
        PostgresServer postgres = new PostgresServer(Ports.pickFree(), data);
        postgres.start();
        try (FreezableProxy proxy = new FreezableProxy("localhost", postgres.port())) {
            Flyway flyway = Flyway.configure().dataSource("jdbc:postgresql://localhost:" + proxy.port() + "/postgres",
                    "postgres", "postgres").locations("classpath:db/slow-migration").load();
            CompletableFuture.runAsync(proxy::cut, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

            assertThatThrownBy(() -> RetriedMigration.run("a slow schema", flyway::migrate, 0, Duration.ofSeconds(2)))
                    .satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());
        } finally {
            postgres.stop();
        }
    }

    @Test
    @DisplayName("a failure that recurs (a database that does not exist) is thrown at once, not waited on")
    void recurringFailureAtOnce(@TempDir Path data) throws Exception {
        PostgresServer postgres = new PostgresServer(Ports.pickFree(), data);
        postgres.start();
        try {
            Flyway noDatabase = Flyway.configure().dataSource("jdbc:postgresql://localhost:" + postgres.port() + "/nowhere",
                    "postgres", "postgres").load();
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> RetriedMigration.run("a schema", () -> {
                attempts.incrementAndGet();
                noDatabase.migrate();
            }, 12, Duration.ofSeconds(10))).hasMessageContaining("nowhere");
            assertThat(attempts).hasValue(1);
        } finally {
            postgres.stop();
        }
    }

    @Test
    @DisplayName("without retries a database that is away fails the migration at once, naming the connection")
    void withoutRetries() {
        JdbcSettings jdbc = new JdbcSettings("jdbc:postgresql://localhost:" + Ports.pickFree() + "/postgres", "postgres", "postgres");
        assertThatThrownBy(() -> KitSchema.migrate(jdbc)).hasMessageContaining("Unable to obtain connection");
    }
}
