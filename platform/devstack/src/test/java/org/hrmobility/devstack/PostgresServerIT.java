package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @Test
    @DisplayName("an immediate restart (SIGQUIT, crash recovery) keeps every committed row, the data directory and the port")
    void immediateRestart(@TempDir Path data) throws Exception {
        PostgresServer server = new PostgresServer(Ports.pickFree(), data, PostgresDurability.SYNCHRONOUS_COMMIT);
        try {
            server.start();
            String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute("create table kept (id int primary key)");
                for (int i = 0; i < 100; i++) {
                    s.execute("insert into kept values (" + i + ")");
                }
                try (ResultSet rs = s.executeQuery("show synchronous_commit")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("on");
                }
            }
            long pid = server.pid();

            long millis = server.restartImmediately();

            assertThat(millis).isPositive();
            assertThat(server.pid()).isPositive().isNotEqualTo(pid);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(100);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    @DisplayName("durable storage: the server runs with fsync, synchronous commit and full-page writes on, though started with -F")
    void durable(@TempDir Path data) throws Exception {
        PostgresServer server = new PostgresServer(Ports.pickFree(), data, PostgresDurability.DURABLE);
        try {
            server.start();
            String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (ResultSet rs = s.executeQuery("show " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
        } finally {
            server.stop();
        }
    }
}
