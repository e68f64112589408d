package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    private PostgresServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @DisplayName("an immediate restart (SIGQUIT, crash recovery) keeps every committed row, the data directory and the port")
    void immediateRestart(@TempDir Path data) throws Exception {
        start(data, PostgresDurability.SYNCHRONOUS_COMMIT);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table kept (id int primary key)");
            for (int i = 0; i < 100; i++) {
                s.execute("insert into kept values (" + i + ")");
            }
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
        }
        long pid = server.pid();

        long millis = server.restartImmediately();

        assertThat(millis).isPositive();
        assertThat(server.pid()).isPositive().isNotEqualTo(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select count(*) from kept")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(100);
        }
    }

    @Test
    @DisplayName("durable storage: the server runs with fsync, synchronous commit and full-page writes on, though started with -F")
    void durable(@TempDir Path data) throws Exception {
        start(data, PostgresDurability.DURABLE);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                assertThat(show(s, setting)).as(setting).isEqualTo("on");
            }
        }
    }

    private void start(Path data, PostgresDurability durability) {
        server = new PostgresServer(Ports.pickFree(), data, durability);
        server.start();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres", "postgres", "postgres");
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
