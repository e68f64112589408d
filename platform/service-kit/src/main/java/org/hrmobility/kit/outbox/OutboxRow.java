package org.hrmobility.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import org.hrmobility.contracts.envelope.EventMetadata;

/** One unsent event as the relay reads it. */
record OutboxRow(long id, UUID eventId, String topic, String key, String type, String source, String subject,
                 Instant occurredAt, String traceparent, byte[] payload) {

    EventMetadata metadata() {
        return new EventMetadata(eventId, source, type, subject, occurredAt, traceparent);
    }
}
