package org.hrmobility.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.PostgresServer;
import org.hrmobility.kit.failure.TransientFailures;
import org.hrmobility.kit.test.FreezableProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that starts while its database is away for a moment, or restarts under it: its migrations wait for it. */
class KitSchemaIT {

    private PostgresServer postgres;

    @BeforeEach
    void server(@TempDir Path data) {
        postgres = new PostgresServer(Ports.pickFree(), data);
    }

    @AfterEach
    void stop() {
        postgres.stop();
    }

    @Test
    @DisplayName("the kit's migrations wait for a database that comes back a few seconds later, instead of failing the start")
    void waitsForTheDatabase() throws Exception {
        String url = url(postgres.port(), "postgres");
        CompletableFuture<Void> later = CompletableFuture.runAsync(postgres::start,
                CompletableFuture.delayedExecutor(4, TimeUnit.SECONDS));

        KitSchema.migrate(new JdbcSettings(url, "postgres", "postgres"), new RetriedMigration(12, Duration.ofSeconds(2)));

        later.join();
        assertThat(count(url, "select count(*) from " + KitSchema.SCHEMA + ".outbox_event")).isZero();
    }

    @Test
    @DisplayName("a migration whose connection is cut while it runs (a database restart) is run again, and done once")
    void runsAgainAfterACut() throws Exception {
        postgres.start();
        try (FreezableProxy proxy = new FreezableProxy("localhost", postgres.port())) {
            migrateWithACut(proxy, 5);

            String url = url(proxy.port(), "postgres");
            assertThat(count(url, "select count(*) from slow_table")).isEqualTo(1);
            assertThat(count(url, "select count(*) from flyway_schema_history where success and version = '1'")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("the same cut without retries fails the start: the case above is not passing by luck")
    void aCutFailsWithoutRetries() throws Exception {
        postgres.start();
        try (FreezableProxy proxy = new FreezableProxy("localhost", postgres.port())) {
            assertThatThrownBy(() -> migrateWithACut(proxy, 0))
                    .satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());
        }
    }

    @Test
    @DisplayName("a failure that recurs (a database that does not exist) is thrown at once, not waited on")
    void recurringFailureAtOnce() {
        postgres.start();
        Flyway noDatabase = Flyway.configure().dataSource(url(postgres.port(), "nowhere"), "postgres", "postgres").load();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new RetriedMigration(12, Duration.ofSeconds(10)).run("a schema", () -> {
            attempts.incrementAndGet();
            noDatabase.migrate();
        })).hasMessageContaining("nowhere");
        assertThat(attempts).hasValue(1);
    }

    @Test
    @DisplayName("without retries a database that is away fails the migration at once, naming the connection")
    void withoutRetries() {
        JdbcSettings jdbc = new JdbcSettings(url(postgres.port(), "postgres"), "postgres", "postgres");
        assertThatThrownBy(() -> KitSchema.migrate(jdbc)).hasMessageContaining("Unable to obtain connection");
    }

    /** A migration that runs three seconds, through the proxy, whose connections are cut 1.5 s into it. */
    private static void migrateWithACut(FreezableProxy proxy, int retries) {
        Flyway slow = Flyway.configure().dataSource(url(proxy.port(), "postgres"), "postgres", "postgres")
                .locations("classpath:db/slow-migration").load();
        CompletableFuture.runAsync(proxy::cut, CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
        new RetriedMigration(retries, Duration.ofSeconds(2)).run("a slow schema", slow::migrate);
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
