package org.hrmobility.notification.workbench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.kit.kafka.KafkaClients;
import org.hrmobility.notification.routing.Arrival;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;

/**
 * Rebuilds the worklist and the timelines from the decision topics, on demand (an operator after a bug in a projection,
 * or a new kind of work item): the read models are emptied and every event the topics still hold is applied again,
 * from the first, with the same code as the live intake. The live intake goes on meanwhile: a work item keeps the change
 * of the highest offset, a timeline entry is there once per event, so the two never undo each other.
 */
@Component
public class ProjectionRebuild {

    /** Where a rebuild stands. */
    public record Status(boolean running, Instant startedAt, Instant finishedAt, long replayed, String failure) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.REDEPLOYMENT_EVENTS, Topics.EVALUATION_EVENTS, Topics.MOBILITY_EVENTS);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final KafkaClients kafka;
    private final Projections projections;
    private final DatabaseClient db;
    private final TransactionalOperator transactional;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicReference<Status> last = new AtomicReference<>(new Status(false, null, null, 0, null));

    ProjectionRebuild(KafkaClients kafka, Projections projections, DatabaseClient db, TransactionalOperator transactional) {
        this.kafka = kafka;
        this.projections = projections;
        this.db = db;
        this.transactional = transactional;
    }

    public Status status() {
        Status s = last.get();
        return running.get() ? new Status(true, s.startedAt(), null, replayed.get(), null) : s;
    }

    /** Starts a rebuild unless one runs; returns where it stands. */
    public Status start() {
        if (!running.compareAndSet(false, true)) {
            return status();
        }
        replayed.set(0);
        Instant started = Instant.now();
        last.set(new Status(true, started, null, 0, null));
        Mono.fromRunnable(this::rebuild).subscribeOn(Schedulers.boundedElastic())
                .doOnError(e -> log.error("Workbench rebuild failed after {} events", replayed.get(), e))
                .doFinally(signal -> running.set(false))
                .subscribe(done -> { }, e -> last.set(new Status(false, started, Instant.now(), replayed.get(), e.getMessage())),
                        () -> last.set(new Status(false, started, Instant.now(), replayed.get(), null)));
        return status();
    }

    private void rebuild() {
        db.sql("delete from work_item").then().then(db.sql("delete from timeline_entry").then()).block(Duration.ofMinutes(5));
        Map<String, Object> settings = new HashMap<>(kafka.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "notification-service-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000)));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                List<Arrival> arrivals = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    arrival(record).ifPresent(arrivals::add);
                }
                if (!arrivals.isEmpty()) {
                    transactional.transactional(projections.apply(arrivals)).block(Duration.ofMinutes(1));
                    replayed.addAndGet(arrivals.size());
                }
            }
        }
        log.info("Workbench rebuilt from {} events", replayed.get());
    }

    /** The record as the live intake reads it; one it could not read (it went to the dead letters then) is left out. */
    private static Optional<Arrival> arrival(ConsumerRecord<String, byte[]> record) {
        try {
            IncomingEvent event = new IncomingEvent(KafkaCloudEvents.metadata(record.headers(), record.value()), record.key(),
                    record.value(), record.offset());
            return Optional.of(new Arrival(event, EventJson.mapper().readValue(record.value(), FIELDS)));
        } catch (RuntimeException unreadable) {
            log.warn("Workbench rebuild leaves out {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.getMessage());
            return Optional.empty();
        }
    }
}
