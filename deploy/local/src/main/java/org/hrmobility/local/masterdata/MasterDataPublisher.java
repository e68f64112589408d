package org.hrmobility.local.masterdata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;

/**
 * Publishes master data the way the HR master-data system would: one event per record on a compacted topic
 * keyed by the record's id. It first reads what the topic holds now and publishes only records that are new
 * or changed, so publishing the same data twice publishes nothing the second time.
 */
public final class MasterDataPublisher {

    public static final String SOURCE = "/hrm/master-data";

    private final String bootstrapServers;

    public MasterDataPublisher(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public record Result(String topic, int published, int unchanged) {
        @Override
        public String toString() {
            return topic + ": " + published + " published, " + unchanged + " unchanged";
        }
    }

    public <T> Result publishChanged(EventType<T> type, Function<T, String> key, List<T> records) {
        ensureCompactedTopic(type.topic());
        Map<String, T> current = currentValues(type);
        int published = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            for (T record : records) {
                String id = key.apply(record);
                if (record.equals(current.get(id))) {
                    continue;
                }
                producer.send(record(type, id, record));
                published++;
            }
            producer.flush();
        }
        return new Result(type.topic(), published, records.size() - published);
    }

    private <T> ProducerRecord<String, byte[]> record(EventType<T> type, String id, T payload) {
        return KafkaCloudEvents.record(type.topic(), id, new EventMetadata(UUID.randomUUID(), SOURCE, type.ceType(), id, Instant.now(),
                null), EventJson.write(payload));
    }

    /** The latest value per key as the topic holds it, read up to the end offsets of now. */
    private <T> Map<String, T> currentValues(EventType<T> type) {
        Map<String, T> values = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(type.topic(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && type.ceType().equals(header(r, "ce_type"))) {
                        values.put(r.key(), EventJson.read(r.value(), type.payloadType()));
                    }
                }
            }
        }
        return values;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void ensureCompactedTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
