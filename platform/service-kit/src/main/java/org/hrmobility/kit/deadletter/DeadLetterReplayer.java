package org.hrmobility.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hrmobility.contracts.Topics;
import org.hrmobility.kit.domain.DomainException;
import org.hrmobility.kit.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Replays a dead-letter topic {@code <topic>.<group>.dlq} through the same handler that failed, once the cause
 * is fixed. Records go to that group's handler only (not back onto the shared topic, where every other group
 * and log compaction would see an old record again); the inbox makes a replay of an already applied event a
 * no-op. What fails again goes back to the end of the dead-letter topic with the new error, so one bad record
 * never blocks the rest. Progress is committed as consumer group {@code <dlq>.replay}: a record is replayed once.
 */
public class DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    static final String REPLAY_ERROR = "hrm_replay-exception-message";

    /** A consumer binding of this service, by its binding name. */
    public record ConsumerBinding(String binding, String destination, String group) {

        public String deadLetterTopic() {
            return Topics.deadLetter(destination, group);
        }

        /** Functional bindings are named {@code <function>-in-<n>}. */
        String function() {
            return binding.replaceFirst("-in-\\d+$", "");
        }
    }

    public record Waiting(String deadLetterTopic, String binding, long records) {
    }

    public record Replay(String deadLetterTopic, int replayed, int failedAgain) {
    }

    private final KafkaClients kafka;
    private final List<ConsumerBinding> bindings;
    private final Function<String, Consumer<Message<byte[]>>> handlers;

    public DeadLetterReplayer(KafkaClients kafka, List<ConsumerBinding> bindings,
                              Function<String, Consumer<Message<byte[]>>> handlers) {
        this.kafka = kafka;
        this.bindings = List.copyOf(bindings);
        this.handlers = handlers;
    }

    /** How many records wait in each dead-letter topic of this service. */
    public List<Waiting> waiting() {
        List<Waiting> result = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.admin(Map.of()));
             KafkaConsumer<byte[], byte[]> consumer = consumer("hrm-dlq-inspect")) {
            Set<String> topics = admin.listTopics().names().get();
            for (ConsumerBinding binding : bindings) {
                String dlq = binding.deadLetterTopic();
                long records = 0;
                if (topics.contains(dlq)) {
                    List<TopicPartition> partitions = partitions(consumer, dlq);
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(replayGroup(dlq)).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                    Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
                    for (TopicPartition p : partitions) {
                        long from = Optional.ofNullable(committed.get(p)).map(OffsetAndMetadata::offset).orElse(begins.get(p));
                        records += Math.max(0, ends.get(p) - from);
                    }
                }
                result.add(new Waiting(dlq, binding.binding(), records));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the dead-letter topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the dead-letter topics: " + e.getCause().getMessage(), e);
        }
        return result;
    }

    /** Replays every record that waits in this dead-letter topic now. */
    public Replay replay(String deadLetterTopic) {
        ConsumerBinding binding = bindings.stream()
                .filter(b -> b.deadLetterTopic().equals(deadLetterTopic))
                .findFirst()
                .orElseThrow(() -> new UnknownDeadLetterTopicException(deadLetterTopic, bindings.stream()
                        .map(ConsumerBinding::deadLetterTopic).collect(Collectors.joining(", "))));
        Consumer<Message<byte[]>> handler = handlers.apply(binding.function());
        int replayed = 0;
        int failedAgain = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(replayGroup(deadLetterTopic));
             KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        handler.accept(message(record, binding));
                        replayed++;
                    } catch (RuntimeException e) {
                        failedAgain++;
                        producer.send(againToDeadLetter(record, e));
                    }
                }
                producer.flush();
                consumer.commitSync();
            }
        }
        log.info("Replayed {} from {} ({} failed again and wait there)", replayed, deadLetterTopic, failedAgain);
        return new Replay(deadLetterTopic, replayed, failedAgain);
    }

    private static Message<byte[]> message(ConsumerRecord<byte[], byte[]> record, ConsumerBinding binding) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        if (record.key() != null) {
            headers.put(KafkaHeaders.RECEIVED_KEY, new String(record.key(), StandardCharsets.UTF_8));
        }
        headers.put(KafkaHeaders.RECEIVED_TOPIC, binding.destination());
        return MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value())
                .copyHeaders(headers).build();
    }

    private static ProducerRecord<byte[], byte[]> againToDeadLetter(ConsumerRecord<byte[], byte[]> record,
                                                                   RuntimeException e) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(record.topic(), record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().equals(REPLAY_ERROR)) {
                again.headers().add(header);
            }
        }
        String reason = e.getClass().getName() + ": " + e.getMessage();
        again.headers().add(new RecordHeader(REPLAY_ERROR, reason.getBytes(StandardCharsets.UTF_8)));
        return again;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of()
                : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    static String replayGroup(String deadLetterTopic) {
        return deadLetterTopic + ".replay";
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        return new KafkaConsumer<>(kafka.consumer(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(kafka.producer(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static class UnknownDeadLetterTopicException extends DomainException {
        UnknownDeadLetterTopicException(String topic, String known) {
            super(404, "unknown-dead-letter-topic", "Unknown dead-letter topic",
                    "'" + topic + "' is not a dead-letter topic of this service; it has: " + known, null);
        }
    }
}
