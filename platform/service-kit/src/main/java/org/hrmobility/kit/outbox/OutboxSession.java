package org.hrmobility.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * The relay's one database session. It holds the advisory lock that makes its instance the leader, listens for
 * the outbox NOTIFY, and reads and marks rows. When the session ends, for whatever reason, the lock goes with
 * it and another instance can lead.
 */
final class OutboxSession implements AutoCloseable {

    static final String CHANNEL = "hrm_outbox";
    private static final String LOCK_KEY = "hrm-outbox-relay";

    private final Connection connection;
    private final boolean listen;
    private boolean leader;

    private OutboxSession(Connection connection, boolean listen) {
        this.connection = connection;
        this.listen = listen;
    }

    static OutboxSession open(JdbcSettings jdbc, boolean listen) throws SQLException {
        Connection connection = jdbc.connect();
        connection.setAutoCommit(true);
        return new OutboxSession(connection, listen);
    }

    boolean isLeader() {
        return leader;
    }

    /** Takes the service-wide relay lock if it is free, and starts listening once it has it. */
    boolean tryLead() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                leader = rs.getBoolean(1);
            }
        }
        if (leader && listen) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
            }
        }
        return leader;
    }

    List<OutboxRow> unsent(int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, message_key, ce_type, ce_source, ce_subject, occurred_at, traceparent,
                       payload::text
                from hrm_kit.outbox_event
                where sent_at is null
                order by id
                limit ?""")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getString(9),
                            rs.getString(10).getBytes(StandardCharsets.UTF_8)));
                }
                return rows;
            }
        }
    }

    void markSent(List<OutboxRow> rows) throws SQLException {
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        Array array = connection.createArrayOf("bigint", ids);
        try (PreparedStatement update = connection.prepareStatement(
                "update hrm_kit.outbox_event set sent_at = clock_timestamp() where id = any(?)")) {
            update.setArray(1, array);
            update.executeUpdate();
        } finally {
            array.free();
        }
    }

    int purgeSentBefore(Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from hrm_kit.outbox_event where sent_at is not null and sent_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        }
    }

    /** Waits for a NOTIFY or the timeout, whichever comes first; without listening it just waits. */
    void awaitWork(Duration timeout) throws SQLException, InterruptedException {
        if (!listen) {
            Thread.sleep(timeout.toMillis());
            return;
        }
        // drains every queued notification: one look at the table covers all of them
        connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
    }

    /**
     * Ends the session. A leader unlocks first: the server frees a closed connection's locks only when its
     * backend has exited, and the next leader should not wait for that.
     */
    @Override
    public void close() {
        if (leader) {
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(hashtext(?))")) {
                unlock.setString(1, LOCK_KEY);
                unlock.execute();
            } catch (SQLException ignored) {
                // a broken connection: its backend ends and the lock goes with it
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session is being dropped because it failed; nothing more to do with it
        }
        leader = false;
    }
}
