package org.hrmobility.kit.domain;

import java.util.Objects;

import org.hrmobility.contracts.EventType;

/**
 * An event a state change causes, to be written to the outbox in the same transaction.
 *
 * @param key     the Kafka record key: the aggregate id, so one aggregate's events stay in order
 * @param subject the CloudEvents subject: what the event is about, usually the same id
 */
public record OutgoingEvent<T>(EventType<T> type, String key, String subject, T payload) {

    public OutgoingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
    }

    /** An event about one aggregate, keyed by its id. */
    public static <T> OutgoingEvent<T> of(EventType<T> type, String aggregateId, T payload) {
        return new OutgoingEvent<>(type, aggregateId, aggregateId, payload);
    }
}
