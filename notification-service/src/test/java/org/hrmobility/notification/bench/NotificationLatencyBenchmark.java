package org.hrmobility.notification.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackInitializer;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.kit.outbox.KitSchema;
import org.hrmobility.kit.outbox.OutboxRelay;
import org.hrmobility.kit.outbox.OutboxRelayProperties;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.notification.NotificationServiceApplication;
import org.hrmobility.notification.TestMailServer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints the latency from an event's commit in a producing service to its notification in the inbox, at a steady
 * rate: a producer's transaction writes an OfferMade to its outbox, the kit's relay publishes it, the notification
 * service consumes it and commits the notification; the clock stops when that commit's NOTIFY arrives (what the
 * live stream sees). Not a test: nothing passes or fails.
 * Run: {@code ./mvnw -B -pl notification-service -am -Pbenchmark verify -DskipTests} ({@code -Dbench.rate}, {@code -Dbench.seconds}).
 */
public final class NotificationLatencyBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 300);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    private NotificationLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Devstack stack = Devstack.shared();
        stack.createDatabase("bench_producer");
        Devstack.Endpoints endpoints = stack.endpoints();
        JdbcSettings producer = new JdbcSettings(endpoints.jdbcUrl("bench_producer"), endpoints.postgresUser(), endpoints.postgresPassword());
        KitSchema.migrate(producer);
        OutboxRelay relay = new OutboxRelay("bench-producer", producer, endpoints.kafkaBootstrapServers(),
                OutboxRelayProperties.defaults(), Clock.systemUTC());
        relay.start();
        TestMailServer.start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new DevstackInitializer(), new TestTokens.Initializer())
                .properties(Map.of("server.port", 0, "logging.level.root", "warn", "logging.structured.format.console", "",
                        "spring.main.banner-mode", "off"))
                .run()) {
            JdbcSettings notifications = app.getBean(JdbcSettings.class);
            warmUp(producer, notifications);
            Result result = measure(producer, notifications);
            System.out.println();
            System.out.println("=== Notification latency benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ") ===");
            System.out.printf("commit in the producer to notification committed in the inbox, %d events at %d/s:%n",
                    result.sent(), RATE);
            System.out.printf("  p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (%d of %d arrived)%n", result.percentile(50),
                    result.percentile(99), result.percentile(100), result.micros().size(), result.sent());
            System.out.printf("  of which commit to the topic (the relay): p50 %6.1f ms   p99 %6.1f ms%n",
                    Result.percentile(result.relayMicros(), 50), Result.percentile(result.relayMicros(), 99));
            System.out.println();
        } finally {
            relay.stop();
        }
        System.exit(0);
    }

    /** Latencies in microseconds, sorted: to the inbox, and (the relay's part) to the topic. */
    record Result(int sent, List<Long> micros, List<Long> relayMicros) {

        double percentile(int p) {
            return percentile(micros, p);
        }

        static double percentile(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
        }
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** Times the relay's part: commit to the event readable on its topic (read-committed, as the service reads). */
    private static Thread kafkaListener(String run, Map<String, Long> committedAt, List<Long> micros, AtomicBoolean listening) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(RedeploymentEvents.OFFER_MADE.topic()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (listening.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        OfferMade offer = EventJson.read(r.value(), OfferMade.class);
                        Long committed = committedAt.get("person:" + offer.employeeId());
                        if (offer.employeeId().contains(run)) {
                            micros.add(committed == null ? 0 : TimeUnit.NANOSECONDS.toMicros(now - committed));
                        }
                    }
                }
            }
        }, "bench-kafka");
        thread.start();
        return thread;
    }

    /** Until the consumers have their partitions and the JIT has seen the path. */
    private static void warmUp(JdbcSettings producer, JdbcSettings notifications) throws Exception {
        int events = Math.max(RATE * 3, 300);
        Result warm = run(producer, notifications, "warm", events, Math.min(RATE, 200), 120);
        System.out.printf("warm-up: %d of %d arrived%n", warm.micros().size(), events);
    }

    private static Result measure(JdbcSettings producer, JdbcSettings notifications) throws Exception {
        return run(producer, notifications, "run", RATE * SECONDS, RATE, 60);
    }

    private static Result run(JdbcSettings producer, JdbcSettings notifications, String label, int total, int rate,
                              int graceSeconds) throws Exception {
        String run = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread listener = listener(notifications, run, committedAt, micros, listening);
        List<Long> onKafka = Collections.synchronizedList(new ArrayList<>());
        Thread kafka = kafkaListener(run, committedAt, onKafka, listening);
        try (Connection c = producer.connect();
             PreparedStatement insert = c.prepareStatement("""
                     insert into hrm_kit.outbox_event (event_id, topic, message_key, ce_type, ce_source, ce_subject, occurred_at, payload)
                     values (?, ?, ?, ?, '/hrm/bench-producer', ?, ?, ?::jsonb)""")) {
            c.setAutoCommit(false);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    // parked, not spinning: a spinning producer would take one of the machine's two cores
                    LockSupport.parkNanos(wait);
                }
                next += interval;
                String employee = "BENCH-" + run + "-" + i;
                String caseId = UUID.randomUUID().toString();
                OfferMade offer = new OfferMade(caseId, employee, null, "BENCH", UUID.randomUUID().toString(), 1, "Analyst",
                        "BENCH", "B1", null, LocalDate.of(2027, 1, 1), false);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, RedeploymentEvents.OFFER_MADE.topic());
                insert.setString(3, caseId);
                insert.setString(4, RedeploymentEvents.OFFER_MADE.ceType());
                insert.setString(5, caseId);
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.setString(7, new String(EventJson.write(offer), java.nio.charset.StandardCharsets.UTF_8));
                insert.executeUpdate();
                c.commit();
                committedAt.put("person:" + employee, System.nanoTime());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
        while (micros.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        listening.set(false);
        listener.join();
        kafka.join();
        return new Result(total, sorted(micros), sorted(onKafka));
    }

    private static Thread listener(JdbcSettings notifications, String run, Map<String, Long> committedAt, List<Long> micros,
                                   AtomicBoolean listening) throws Exception {
        Connection c = notifications.connect();
        try (Statement s = c.createStatement()) {
            s.execute("listen hrm_notification");
        }
        Thread thread = new Thread(() -> {
            try (c) {
                PGConnection pg = c.unwrap(PGConnection.class);
                while (listening.get()) {
                    PGNotification[] received = pg.getNotifications(100);
                    long now = System.nanoTime();
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification n : received) {
                        String recipient = n.getParameter().substring(0, n.getParameter().indexOf(' '));
                        if (recipient.contains(run)) {
                            Long committed = committedAt.get(recipient);
                            // a notification can commit before the producer's loop has noted its own commit time
                            micros.add(committed == null ? 0 : TimeUnit.NANOSECONDS.toMicros(now - committed));
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-listener");
        thread.start();
        return thread;
    }
}
