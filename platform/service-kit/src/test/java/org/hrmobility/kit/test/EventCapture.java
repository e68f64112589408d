package org.hrmobility.kit.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really arrived on a topic, as a read-committed consumer of its own group would: the way tests
 * check events on the broker instead of trusting the producer.
 */
public final class EventCapture implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    private EventCapture(Map<String, Object> clientProperties, String topic, String offsetReset) {
        Map<String, Object> settings = new HashMap<>(clientProperties);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "event-capture-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    private static Map<String, Object> at(String bootstrapServers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /** Everything from the start of the topic. */
    public static EventCapture fromBeginning(String bootstrapServers, String topic) {
        return new EventCapture(at(bootstrapServers), topic, "earliest");
    }

    /** Only what arrives from now on; waits until the consumer has its partitions. */
    public static EventCapture fromNow(String bootstrapServers, String topic) {
        return fromNow(at(bootstrapServers), topic);
    }

    /** From now on, on a cluster that needs more than its address (security settings as Kafka client properties). */
    public static EventCapture fromNow(Map<String, Object> clientProperties, String topic) {
        EventCapture capture = new EventCapture(clientProperties, topic, "latest");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (capture.consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            capture.consumer.poll(Duration.ofMillis(100)).forEach(capture.records::add);
        }
        capture.consumer.assignment().forEach(p -> capture.consumer.position(p));
        return capture;
    }

    /** Polls until {@code count} records matching {@code filter} have arrived or the timeout passes. */
    public List<ConsumerRecord<String, byte[]>> await(int count, Predicate<ConsumerRecord<String, byte[]>> filter,
                                                     Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return matching(filter);
    }

    /** Polls for a while longer and returns everything matching, to check that nothing more arrives. */
    public List<ConsumerRecord<String, byte[]>> settle(Predicate<ConsumerRecord<String, byte[]>> filter,
                                                      Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return matching(filter);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return records.stream().filter(filter).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
