package org.hrmobility.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/** A consumed event: its CloudEvents attributes, record key and raw body, read into a payload on demand. */
public record IncomingEvent(EventMetadata metadata, String key, byte[] body) {

    /** Reads the envelope of a message from the binder; a message without one is malformed. */
    public static IncomingEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        try {
            EventMetadata metadata = EventMetadata.fromHeaders(name -> text(headers, name));
            return new IncomingEvent(metadata, text(headers, KafkaHeaders.RECEIVED_KEY), message.getPayload());
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

    /** Header values arrive as bytes or, depending on the header mapper, as text. */
    static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
