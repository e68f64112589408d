package org.hrmobility.kit.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Where the kit opens its own JDBC sessions (the outbox relay, the live stream's LISTEN): the service's database, as
 * configured for Flyway. Every session has TCP keepalive and a socket timeout, so a connection that freezes (half-open,
 * not closed) fails within {@code socketTimeout} instead of hanging for TCP's two hours.
 */
public record JdbcSettings(String url, String user, String password, Duration connectTimeout, Duration socketTimeout) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    public JdbcSettings(String url, String user, String password) {
        this(url, user, password, CONNECT_TIMEOUT, SOCKET_TIMEOUT);
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, socketTimeout.toSeconds())));
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + url + ", user " + user + "]";
    }
}
