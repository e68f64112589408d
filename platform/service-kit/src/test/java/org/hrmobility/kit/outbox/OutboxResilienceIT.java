package org.hrmobility.kit.outbox;

import org.hrmobility.kit.domain.OutgoingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.KafkaBroker;
import org.hrmobility.kit.test.EventCapture;
import org.hrmobility.kit.test.FreezableProxy;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.testapp.NoteWritten;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@ServiceIntegrationTest
class OutboxResilienceIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionalOperator transactional;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcSettings jdbc;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    @DisplayName("broker outage: commands keep committing, and when Kafka is back every event arrives once, in order per key")
    void brokerOutage() {
        String run = UUID.randomUUID().toString();
        KafkaBroker broker = Devstack.shared().kafkaBroker().orElseThrow();
        try (EventCapture capture = EventCapture.fromNow(bootstrap, NoteWritten.TOPIC)) {
            commit(run, 0, 3, 1);
            assertThat(capture.await(3, of(run), Duration.ofSeconds(30))).hasSize(3);

            broker.stop();
            IntStream.rangeClosed(2, 10).forEach(sequence -> commit(run, 0, 3, sequence));
            broker.start();

            List<ConsumerRecord<String, byte[]>> arrived = capture.await(30, of(run), Duration.ofSeconds(90));
            assertOncePerKeyInOrder(arrived, 3, 10);
            assertThat(capture.settle(of(run), Duration.ofSeconds(1))).hasSize(30);
        } finally {
            broker.start();
        }
    }

    @Test
    @DisplayName("three relay instances on one database: one leads, a new leader takes over when it stops, still once and in order")
    void relayInstancesHandOver() throws Exception {
        String run = UUID.randomUUID().toString();
        OutboxRelayProperties fast = new OutboxRelayProperties(true, true, Duration.ofMillis(200), 50,
                Duration.ofMillis(200), null, null, null, null, null, null);
        List<OutboxRelay> standbys = List.of(
                new OutboxRelay("kit-test", jdbc, bootstrap, fast, Clock.systemUTC()),
                new OutboxRelay("kit-test", jdbc, bootstrap, fast, Clock.systemUTC()));
        List<OutboxRelay> all = new ArrayList<>(standbys);
        all.add(relay);
        standbys.forEach(OutboxRelay::start);
        try (EventCapture capture = EventCapture.fromNow(bootstrap, NoteWritten.TOPIC)) {
            IntStream.rangeClosed(1, 10).forEach(sequence -> commit(run, 0, 5, sequence));
            assertThat(capture.await(50, of(run), Duration.ofSeconds(30))).hasSize(50);
            assertThat(all.stream().filter(OutboxRelay::isLeader)).hasSize(1);

            OutboxRelay firstLeader = all.stream().filter(OutboxRelay::isLeader).findFirst().orElseThrow();
            IntStream.rangeClosed(11, 15).forEach(sequence -> commit(run, 0, 5, sequence));
            firstLeader.stop();
            IntStream.rangeClosed(16, 20).forEach(sequence -> commit(run, 0, 5, sequence));

            List<ConsumerRecord<String, byte[]>> arrived = capture.await(100, of(run), Duration.ofSeconds(60));
            assertOncePerKeyInOrder(arrived, 5, 20);
            assertThat(all.stream().filter(OutboxRelay::isLeader)).hasSize(1).doesNotContain(firstLeader);
            assertThat(capture.settle(of(run), Duration.ofSeconds(1))).hasSize(100);
        } finally {
            standbys.forEach(OutboxRelay::stop);
            relay.start();
        }
    }

    @Test
    @DisplayName("a leader whose database connection freezes half-open is replaced within seconds: the events committed meanwhile arrive once, in order")
    void frozenLeaderIsReplaced() throws Exception {
        String run = UUID.randomUUID().toString();
        OutboxRelayProperties quick = new OutboxRelayProperties(true, true, Duration.ofMillis(200), 50,
                Duration.ofMillis(200), null, null, null, null, null, Duration.ofSeconds(3));
        relay.stop();
        try (FreezableProxy proxy = new FreezableProxy("localhost", port(jdbc.url()));
             EventCapture capture = EventCapture.fromNow(bootstrap, NoteWritten.TOPIC)) {
            JdbcSettings behindProxy = new JdbcSettings(jdbc.url().replaceFirst(":\\d+/", ":" + proxy.port() + "/"), jdbc.user(),
                    jdbc.password(), Duration.ofSeconds(5), Duration.ofSeconds(60));
            OutboxRelay frozen = new OutboxRelay("kit-test", behindProxy, bootstrap, quick, Clock.systemUTC());
            frozen.start();
            await().atMost(Duration.ofSeconds(10)).until(frozen::isLeader);
            OutboxRelay standby = new OutboxRelay("kit-test", jdbc, bootstrap, quick, Clock.systemUTC());
            standby.start();
            try {
                commit(run, 0, 2, 1);
                assertThat(capture.await(2, of(run), Duration.ofSeconds(10))).hasSize(2);
                // published, then marked sent: a freeze between the two would rightly publish them again (delivery
                // is at-least-once, consumers drop the repeat); this test is about what is committed after the freeze
                assertThat(outboxRows(run, "true")).as("the run's events in the outbox").isEqualTo(2);
                await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(run, "sent_at is null") == 0);

                proxy.freeze();
                long frozenAt = System.nanoTime();
                IntStream.rangeClosed(2, 6).forEach(sequence -> commit(run, 0, 2, sequence));
                List<ConsumerRecord<String, byte[]>> arrived = capture.await(12, of(run), Duration.ofSeconds(30));
                Duration recovery = Duration.ofNanos(System.nanoTime() - frozenAt);

                assertOncePerKeyInOrder(arrived, 2, 6);
                assertThat(standby.isLeader()).isTrue();
                assertThat(recovery).as("replaced within seconds, not TCP's hours").isLessThan(Duration.ofSeconds(20));
                proxy.thaw();
                await().atMost(Duration.ofSeconds(70)).until(() -> !frozen.isLeader());
            } finally {
                frozen.stop();
                standby.stop();
            }
        } finally {
            relay.start();
        }
    }

    @Test
    @DisplayName("graceful shutdown: the relay stops after the web server's graceful phase and publishes, on its way out, what was committed")
    void stoppingRelayPublishesWhatWasCommitted() {
        assertThat(relay.getPhase()).as("stops after requests in flight have finished")
                .isLessThan(org.springframework.boot.web.server.context.WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
                .isGreaterThan(org.springframework.boot.web.server.context.WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
        String run = UUID.randomUUID().toString();
        OutboxRelayProperties slow = new OutboxRelayProperties(true, false, Duration.ofSeconds(3), 50,
                Duration.ofMillis(200), null, null, null, null, null, null);
        relay.stop();
        OutboxRelay leaving = new OutboxRelay("kit-test", jdbc, bootstrap, slow, Clock.systemUTC());
        try (EventCapture capture = EventCapture.fromNow(bootstrap, NoteWritten.TOPIC)) {
            leaving.start();
            await().atMost(Duration.ofSeconds(10)).until(leaving::isLeader);
            commit(run, 0, 5, 1);
            leaving.stop();
            assertThat(leaving.isRunning()).isFalse();
            assertThat(capture.await(5, of(run), Duration.ofSeconds(15))).hasSize(5);
        } finally {
            leaving.stop();
            relay.start();
        }
    }

    private static int port(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalArgumentException(jdbcUrl);
        }
        return Integer.parseInt(m.group(1));
    }

    private long outboxRows(String run, String condition) {
        return db.sql("select count(*) from hrm_kit.outbox_event where " + condition + " and payload->>'text' = :text")
                .bind("text", run).map(row -> row.get(0, Long.class)).one().block();
    }

    /** One transaction per key, each appending the event with this sequence number. */
    private void commit(String run, int firstKey, int keys, int sequence) {
        for (int k = firstKey; k < firstKey + keys; k++) {
            String key = run + "-" + k;
            transactional.transactional(outbox.append(OutgoingEvent.of(NoteWritten.TYPE, key,
                    new NoteWritten(UUID.randomUUID().toString(), run, sequence)))).block(Duration.ofSeconds(10));
        }
    }

    private static void assertOncePerKeyInOrder(List<ConsumerRecord<String, byte[]>> arrived, int keys, int perKey) {
        Map<String, List<Integer>> sequences = arrived.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> EventJson.read(r.value(), NoteWritten.class).sequence(), Collectors.toList())));
        List<Integer> expected = IntStream.rangeClosed(1, perKey).boxed().toList();
        assertThat(sequences).hasSize(keys);
        sequences.forEach((key, seen) -> assertThat(seen).as("sequence of key %s", key).isEqualTo(expected));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> of(String run) {
        return record -> EventJson.read(record.value(), NoteWritten.class).text().equals(run);
    }
}
