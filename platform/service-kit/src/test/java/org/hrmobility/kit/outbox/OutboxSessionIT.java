package org.hrmobility.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay's database session on its own database: leadership, wake-up and purge, without Spring or Kafka. */
@ExtendWith(DevstackExtension.class)
class OutboxSessionIT {

    static JdbcSettings jdbc;

    @BeforeAll
    static void database(Devstack stack) {
        stack.createDatabase("outbox_session");
        jdbc = new JdbcSettings(stack.endpoints().jdbcUrl("outbox_session"), stack.endpoints().postgresUser(),
                stack.endpoints().postgresPassword());
        KitSchema.migrate(jdbc);
    }

    @Test
    @DisplayName("one leader per database: a second session waits until the first one's session ends")
    void oneLeader() throws Exception {
        try (OutboxSession first = OutboxSession.open(jdbc, true, "kit-test"); OutboxSession second = OutboxSession.open(jdbc, true, "kit-test")) {
            assertThat(first.tryLead()).isTrue();
            assertThat(second.tryLead()).isFalse();
            first.close();
            assertThat(second.tryLead()).isTrue();
        }
    }

    @Test
    @DisplayName("the relay's lock is per service: two services on one database each have their leader")
    void lockPerService() throws Exception {
        try (OutboxSession redeployment = OutboxSession.open(jdbc, false, "redeployment");
             OutboxSession evaluation = OutboxSession.open(jdbc, false, "evaluation");
             OutboxSession secondRedeployment = OutboxSession.open(jdbc, false, "redeployment")) {
            assertThat(redeployment.tryLead()).isTrue();
            assertThat(evaluation.tryLead()).isTrue();
            assertThat(secondRedeployment.tryLead()).isFalse();
        }
    }

    @Test
    @DisplayName("a leader silent for longer than the stale time has its session ended by a standby, which then leads; a live one is left alone")
    void staleLeaderIsReplaced() throws Exception {
        try (OutboxSession leader = OutboxSession.open(jdbc, false, "stale-test");
             OutboxSession standby = OutboxSession.open(jdbc, false, "stale-test")) {
            assertThat(leader.tryLead()).isTrue();
            assertThat(standby.endStaleLeader(Duration.ofSeconds(30))).as("a leader that just spoke is live").isFalse();

            Thread.sleep(1_500);
            assertThat(standby.endStaleLeader(Duration.ofSeconds(1))).isTrue();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean leads = false;
            while (!leads && System.nanoTime() < deadline) {
                leads = standby.tryLead();
                Thread.sleep(100);
            }
            assertThat(leads).as("the standby leads once the stale session is gone").isTrue();
            assertThat(catchFailure(() -> leader.unsent(1))).as("the ended leader's next statement fails").isNotNull();
        }
    }

    @Test
    @DisplayName("a commit to the outbox wakes the listening leader at once; without NOTIFY it waits the poll interval")
    void notifyWakesTheRelay() throws Exception {
        try (OutboxSession leader = OutboxSession.open(jdbc, true, "kit-test")) {
            assertThat(leader.tryLead()).isTrue();
            leader.awaitWork(Duration.ofMillis(10));
            insertEvent(false);

            long started = System.nanoTime();
            leader.awaitWork(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("the purge deletes sent events older than the retention and keeps unsent ones, however old")
    void purge() throws Exception {
        long oldSent = insertEvent(true);
        long oldUnsent = insertEvent(false);
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            s.execute("update hrm_kit.outbox_event set occurred_at = now() - interval '30 days', "
                    + "sent_at = case when sent_at is null then null else now() - interval '30 days' end "
                    + "where id in (" + oldSent + ", " + oldUnsent + ")");
        }
        long recentSent = insertEvent(true);

        try (OutboxSession session = OutboxSession.open(jdbc, false, "kit-test")) {
            assertThat(session.purgeSentBefore(Instant.now().minus(Duration.ofDays(7)), 1)).isEqualTo(1);
            assertThat(session.purgeSentBefore(Instant.now().minus(Duration.ofDays(7)), 1)).as("a purge deletes at most its batch").isZero();
        }

        try (Connection c = jdbc.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("select id from hrm_kit.outbox_event where id in (" + oldSent + ", "
                     + oldUnsent + ", " + recentSent + ") order by id")) {
            List<Long> left = new ArrayList<>();
            while (rs.next()) {
                left.add(rs.getLong(1));
            }
            assertThat(left).containsExactly(oldUnsent, recentSent);
        }
    }

    private static Exception catchFailure(java.util.concurrent.Callable<?> work) {
        try {
            work.call();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static long insertEvent(boolean sent) throws Exception {
        try (Connection c = jdbc.connect(); PreparedStatement insert = c.prepareStatement("""
                insert into hrm_kit.outbox_event (event_id, topic, message_key, ce_type, ce_source, occurred_at, payload, sent_at)
                values (?, 't', 'k', 'hrm.test.Happened.v1', '/hrm/test', now(), '{}'::jsonb,
                        case when ? then now() else null end)
                returning id""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setBoolean(2, sent);
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
