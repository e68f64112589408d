package org.hrmobility.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import org.hrmobility.contracts.envelope.EventMetadata;

/** One unsent event as the relay reads it, with the decision it came from (null for events no decision caused). */
record OutboxRow(long id, UUID eventId, String topic, String key, String type, String source, String subject,
                 Instant occurredAt, String traceparent, EventMetadata.Origin origin, byte[] payload) {

    EventMetadata metadata() {
        return new EventMetadata(eventId, source, type, subject, occurredAt, traceparent, origin);
    }
}
