package org.hrmobility.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A consumed event: its CloudEvents attributes, record key and raw body, read into a payload on demand, and its offset
 * in its partition (-1 when unknown): one aggregate's events share a key, hence a partition, so offsets order them.
 */
public record IncomingEvent(EventMetadata metadata, String key, byte[] body, long offset) {

    public IncomingEvent(EventMetadata metadata, String key, byte[] body) {
        this(metadata, key, body, -1);
    }

    /** Reads the envelope of a message from the binder (by the CloudEvents SDK); a message without one is malformed. */
    public static IncomingEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        try {
            EventMetadata metadata = KafkaCloudEvents.metadata(kafkaHeaders(headers), message.getPayload());
            Object offset = headers.get(KafkaHeaders.OFFSET);
            return new IncomingEvent(metadata, text(headers, KafkaHeaders.RECEIVED_KEY), message.getPayload(),
                    offset instanceof Number n ? n.longValue() : -1);
        } catch (EventMetadata.MalformedEnvelopeException e) {
            throw new MalformedEventException("not a CloudEvents message: " + e.getMessage(), e);
        }
    }

    public boolean is(EventType<?> type) {
        return type.ceType().equals(metadata.type());
    }

    /** The body as the payload of this type; a body that does not fit is malformed. */
    public <T> T payload(EventType<T> type) {
        if (!is(type)) {
            throw new IllegalArgumentException("event " + metadata.id() + " is a " + metadata.type() + ", not a " + type);
        }
        try {
            return EventJson.read(body, type.payloadType());
        } catch (EventJson.MalformedPayloadException e) {
            throw new MalformedEventException(metadata.type() + " " + metadata.id() + ": " + e.getMessage(), e);
        }
    }

    /** The record's own headers as the binder handed them over (bytes, or text depending on the header mapper). */
    private static RecordHeaders kafkaHeaders(Map<String, Object> headers) {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals("content-type") || name.equals(KafkaCloudEvents.TRACEPARENT)) {
                kafka.add(name, value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return kafka;
    }

    /** Header values arrive as bytes or, depending on the header mapper, as text. */
    static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
