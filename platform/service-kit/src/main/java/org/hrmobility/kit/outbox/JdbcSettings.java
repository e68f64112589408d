package org.hrmobility.kit.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Where the relay opens its own JDBC session: the service's database, as configured for Flyway. */
public record JdbcSettings(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + url + ", user " + user + "]";
    }
}
