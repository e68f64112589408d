package org.hrmobility.kit.kafka;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The settings of every Kafka client the kit builds itself (the outbox relay's producer, the dead-letter replayer's
 * consumer, producer and admin, the batch dead letters' producer): Spring Boot's own {@code spring.kafka.*}, so the
 * cluster's {@code security.protocol}, SSL and SASL settings reach them exactly as they reach the binder; then what
 * each client needs of its own on top.
 */
public class KafkaClients {

    private final KafkaProperties properties;

    public KafkaClients(KafkaProperties properties) {
        this.properties = properties;
    }

    public Map<String, Object> producer(Map<String, Object> own) {
        return merged(properties.buildProducerProperties(), own);
    }

    public Map<String, Object> consumer(Map<String, Object> own) {
        return merged(properties.buildConsumerProperties(), own);
    }

    public Map<String, Object> admin(Map<String, Object> own) {
        return merged(properties.buildAdminProperties(), own);
    }

    private static Map<String, Object> merged(Map<String, Object> boot, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(boot);
        // Boot's (de)serializer classes are the binder's (bytes); each kit client passes its own instances
        settings.keySet().removeIf(key -> key.endsWith(".serializer") || key.endsWith(".deserializer"));
        settings.putAll(own);
        return settings;
    }
}
