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

import org.hrmobility.contracts.envelope.EventMetadata;
import org.postgresql.PGConnection;

/**
 * The relay's one database session. It holds the advisory lock that makes its instance the leader, listens for
 * the outbox NOTIFY, and reads and marks rows. When the session ends, for whatever reason, the lock goes with
 * it and another instance can lead.
 */
final class OutboxSession implements AutoCloseable {

    static final String CHANNEL = "hrm_outbox";
    /** The first half of the advisory-lock key: the kit's relays ("HRMO"); the second is the service's name hashed. */
    private static final int LOCK_CLASS = 0x48524d4f;

    private final Connection connection;
    private final boolean listen;
    private final String lockName;
    private boolean leader;

    private OutboxSession(Connection connection, boolean listen, String service) {
        this.connection = connection;
        this.listen = listen;
        this.lockName = "hrm-outbox-relay:" + service;
    }

    /** @param service whose relay this is: services sharing one database (or cluster) never share a leader */
    static OutboxSession open(JdbcSettings jdbc, boolean listen, String service) throws SQLException {
        Connection connection = jdbc.connect();
        connection.setAutoCommit(true);
        return new OutboxSession(connection, listen, service);
    }

    boolean isLeader() {
        return leader;
    }

    /** Takes the service-wide relay lock if it is free, and starts listening once it has it. */
    boolean tryLead() throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setString(2, lockName);
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

    /**
     * Ends the session of a leader that has run no statement for {@code staleAfter}: a live leader looks at the table
     * at least every poll interval, so a silent one is frozen (a half-open connection the server cannot tell from an
     * idle one, and whose lock it would keep for hours). Its lock goes with its session. Should it wake, its statements
     * fail on the ended session, and the Kafka producer of the next leader fences its transactions.
     *
     * @return true when a stale leader was ended
     */
    boolean endStaleLeader(Duration staleAfter) throws SQLException {
        try (PreparedStatement end = connection.prepareStatement("""
                select pg_terminate_backend(a.pid)
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.classid::bigint = ? and l.objid::bigint = (hashtext(?)::bigint & 4294967295)
                  and a.pid <> pg_backend_pid()
                  and a.state_change < clock_timestamp() - make_interval(secs => ?)""")) {
            end.setLong(1, LOCK_CLASS);
            end.setString(2, lockName);
            end.setDouble(3, staleAfter.toMillis() / 1000.0);
            try (ResultSet rs = end.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The backlog: how many events wait, and since when the oldest has (null when none waits). */
    record Backlog(long events, Instant oldest) {
    }

    Backlog backlog() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*), min(occurred_at) from hrm_kit.outbox_event where sent_at is null");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    List<OutboxRow> unsent(int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, message_key, ce_type, ce_source, ce_subject, occurred_at, traceparent,
                       payload::text, actor_subject, actor_employee_id, actor_capacity, on_behalf_of, action, reason
                from hrm_kit.outbox_event
                where sent_at is null
                order by id
                limit ?""")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (rs.next()) {
                    String actor = rs.getString(11);
                    EventMetadata.Origin origin = actor == null ? null
                            : new EventMetadata.Origin(actor, rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                            rs.getString(16));
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getString(9), origin,
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

    /** Deletes at most {@code batch} rows sent before {@code cutoff}, oldest first; the caller repeats while it deletes. */
    int purgeSentBefore(Instant cutoff, int batch) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from hrm_kit.outbox_event where id in (
                    select id from hrm_kit.outbox_event where sent_at is not null and sent_at < ? order by id limit ?)""")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, batch);
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
            try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, hashtext(?))")) {
                unlock.setInt(1, LOCK_CLASS);
                unlock.setString(2, lockName);
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
