package org.hrmobility.kit.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;

/**
 * Publishes outbox rows to Kafka, one Kafka transaction per batch: a batch is visible to (read-committed)
 * consumers entirely or not at all, in row order. The transactional id is the service's, so a relay that
 * takes over fences any previous leader still holding a producer. Any failure drops the producer; the next
 * attempt starts a new one, which also aborts whatever the failed one left open.
 */
final class KafkaOutboxPublisher implements AutoCloseable {

    private final Map<String, Object> config;
    private Producer<String, byte[]> producer;

    /**
     * @param connection how to reach the cluster: bootstrap servers and, on a secured cluster, its security settings
     *                   (the kit takes them from Spring Boot's {@code spring.kafka.*})
     */
    KafkaOutboxPublisher(Map<String, Object> connection, String transactionalId) {
        Map<String, Object> c = new HashMap<>(connection);
        c.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail fast while the broker is away; the relay backs off and tries again
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        c.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        this.config = Map.copyOf(c);
    }

    void publish(List<OutboxRow> rows) {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        try {
            producer.beginTransaction();
            for (OutboxRow row : rows) {
                producer.send(record(row));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            discardProducer();
            throw e;
        }
    }

    private static ProducerRecord<String, byte[]> record(OutboxRow row) {
        return KafkaCloudEvents.record(row.topic(), row.key(), row.metadata(), row.payload());
    }

    private void discardProducer() {
        if (producer != null) {
            Producer<String, byte[]> failed = producer;
            producer = null;
            failed.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        discardProducer();
    }
}
