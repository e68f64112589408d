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

import org.hrmobility.devstack.Ports;
import org.hrmobility.devstack.PostgresServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that starts while its database is away for a moment: the kit's migrations wait for it. */
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
    @DisplayName("without retries a database that is away fails the migration at once, naming the connection")
    void withoutRetries() {
        JdbcSettings jdbc = new JdbcSettings("jdbc:postgresql://localhost:" + Ports.pickFree() + "/postgres", "postgres", "postgres");
        assertThatThrownBy(() -> KitSchema.migrate(jdbc)).hasMessageContaining("Unable to obtain connection");
    }
}
