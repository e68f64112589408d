package org.hrmobility.kit.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackInitializer;
import org.hrmobility.kit.KitTestApplication;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.hrmobility.kit.outbox.Outbox;
import org.hrmobility.kit.outbox.OutboxRelay;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.kit.testapp.NoteWritten;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Prints what the event platform costs on this machine, all measured in one run so the ratios hold on a noisy
 * machine: devstack start, the raw PostgreSQL single-row commit rate, outbox throughput from commit to Kafka
 * ack, and commit-to-consumer latency with NOTIFY and with polling only. Not a test: nothing here passes or
 * fails. Run: {@code ./mvnw -B -pl platform/service-kit -am -Pbenchmark verify -DskipTests}.
 */
public final class OutboxBenchmark {

    private static final int COMMANDS = Integer.getInteger("bench.commands", 3000);
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Devstack stack = Devstack.shared();
        long devstackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("devstack start (Kafka + PostgreSQL)     %8d ms", devstackMillis));

        try (ConfigurableApplicationContext app = start(true, Duration.ofSeconds(1))) {
            JdbcSettings jdbc = app.getBean(JdbcSettings.class);
            double raw = rawCommitRate(jdbc, COMMANDS);
            lines.add(String.format("raw PostgreSQL single-row commits       %8.0f /s (JDBC, one connection)", raw));
            for (int writers : new int[] {1, 8}) {
                Throughput t = outboxThroughput(app, COMMANDS, writers);
                lines.add(String.format("commands committed (row + event), %d writer%s %6.0f /s (%.0f %% of raw)", writers,
                        writers == 1 ? " " : "s", t.committed(), 100 * t.committed() / raw));
                lines.add(String.format("  ... and published, commit to Kafka ack   %6.0f events/s", t.published()));
            }
            lines.add(latencyLine("commit to consumer, NOTIFY", app, stack));
        }
        try (ConfigurableApplicationContext app = start(false, Duration.ofMillis(100))) {
            lines.add(latencyLine("commit to consumer, polling 100 ms", app, stack));
        }

        System.out.println();
        System.out.println("=== Event platform benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ") ===");
        lines.forEach(System.out::println);
        System.out.println();
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(boolean listen, Duration poll) {
        return new SpringApplicationBuilder(KitTestApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new DevstackInitializer(), new TestTokens.Initializer())
                .properties(Map.of("hrm.outbox.listen", listen, "hrm.outbox.poll-interval", poll.toMillis() + "ms",
                        "logging.level.root", "warn", "logging.structured.format.console", "",
                        "spring.main.banner-mode", "off"))
                .run();
    }

    private static double rawCommitRate(JdbcSettings jdbc, int rows) throws Exception {
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_raw (id bigserial primary key, payload text not null)");
            try (PreparedStatement insert = c.prepareStatement("insert into bench_raw (payload) values (?)")) {
                long t0 = System.nanoTime();
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "row " + i);
                    insert.executeUpdate();
                }
                return rows / seconds(t0);
            }
        }
    }

    record Throughput(double committed, double published) {
    }

    /** Commands committed by {@code writers} concurrent writers, and the rate until the relay has published all. */
    private static Throughput outboxThroughput(ConfigurableApplicationContext app, int commands, int writers) {
        OutboxRelay relay = app.getBean(OutboxRelay.class);
        awaitIdle(relay);
        long before = relay.publishedCount();
        long t0 = System.nanoTime();
        Flux.range(0, commands)
                .flatMap(i -> command(app, "throughput-" + (i % 50), i), writers)
                .blockLast();
        double committed = commands / seconds(t0);
        while (relay.publishedCount() - before < commands) {
            sleep(1);
        }
        return new Throughput(committed, commands / seconds(t0));
    }

    private static String latencyLine(String label, ConfigurableApplicationContext app, Devstack stack) {
        OutboxRelay relay = app.getBean(OutboxRelay.class);
        awaitIdle(relay);
        String run = UUID.randomUUID().toString();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        int total = RATE * SECONDS;
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
            long next = System.nanoTime();
            int sent = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS + 30L);
            while ((micros.size() < total) && System.nanoTime() < deadline) {
                while (sent < total && System.nanoTime() >= next) {
                    command(app, run + "-" + (sent % 20), sent).subscribe();
                    sent++;
                    next += intervalNanos;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(1))) {
                    NoteWritten note = EventJson.read(r.value(), NoteWritten.class);
                    if (note.text().equals(run)) {
                        Instant time = Instant.parse(new String(r.headers().lastHeader("ce_time").value()));
                        micros.add(Duration.between(time, Instant.now()).toNanos() / 1000);
                    }
                }
            }
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("%-40s p50 %6.1f ms  p99 %6.1f ms  (%d events at %d/s)", label,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted.size(), RATE);
    }

    private static Mono<Void> command(ConfigurableApplicationContext app, String key, int sequence) {
        DatabaseClient db = app.getBean(DatabaseClient.class);
        Outbox outbox = app.getBean(Outbox.class);
        TransactionalOperator tx = app.getBean(TransactionalOperator.class);
        UUID id = UUID.randomUUID();
        String text = key.contains("throughput") ? "throughput" : key.substring(0, key.lastIndexOf('-'));
        return tx.transactional(db.sql("insert into note (id, text) values (:id, :text)")
                .bind("id", id).bind("text", text).then()
                .then(outbox.append(OutgoingEvent.of(NoteWritten.TYPE, key, new NoteWritten(id.toString(), text, sequence)))));
    }

    private static KafkaConsumer<String, byte[]> consumer(Devstack stack) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(NoteWritten.TOPIC));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    private static void awaitIdle(OutboxRelay relay) {
        long last = -1;
        while (!relay.isLeader() || relay.publishedCount() != last) {
            last = relay.publishedCount();
            sleep(300);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
