package org.hrmobility.kit.test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;

/** Puts events on a topic the way a producing service's relay does, for consumer tests. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents(String bootstrapServers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** On a cluster that needs more than its address: security settings as Kafka client properties. */
    public TestEvents(Map<String, Object> clientProperties) {
        Map<String, Object> settings = new HashMap<>(clientProperties);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    public static EventMetadata metadata(EventType<?> type, String subject) {
        return new EventMetadata(UUID.randomUUID(), "/hrm/test", type.ceType(), subject, Instant.now(), null);
    }

    /** Publishes a payload under fresh CloudEvents attributes; returns them. */
    public <T> EventMetadata publish(String topic, String key, EventType<T> type, T payload) {
        EventMetadata metadata = metadata(type, key);
        publish(topic, key, metadata, EventJson.write(payload));
        return metadata;
    }

    /** Publishes exactly these attributes and body: the same event twice, or a broken one. */
    public void publish(String topic, String key, EventMetadata metadata, byte[] body) {
        ProducerRecord<String, byte[]> record = metadata == null ? new ProducerRecord<>(topic, key, body)
                : KafkaCloudEvents.record(topic, key, metadata, body);
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
