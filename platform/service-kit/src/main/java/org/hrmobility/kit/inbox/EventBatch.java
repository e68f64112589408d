package org.hrmobility.kit.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A poll's records as the binder hands them to a batch-mode consumer (one message, its headers as lists in record
 * order), taken apart into one message per record, and put back together for a single record (a dead-letter replay).
 * The kit has batch-mode bindings decode natively, so the header lists arrive as Kafka made them.
 */
public final class EventBatch {

    private EventBatch() {
    }

    /** One message per record, with that record's own headers, key and topic. */
    public static List<Message<byte[]>> split(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> converted = list(batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<?> keys = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY));
        List<?> topics = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> offsets = list(batch.getHeaders().get(KafkaHeaders.OFFSET));
        List<Message<byte[]>> messages = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> headers = new HashMap<>();
            if (i < converted.size() && converted.get(i) instanceof Map<?, ?> own) {
                own.forEach((name, value) -> headers.put(String.valueOf(name), value));
            }
            putIfPresent(headers, KafkaHeaders.RECEIVED_KEY, keys, i);
            putIfPresent(headers, KafkaHeaders.RECEIVED_TOPIC, topics, i);
            putIfPresent(headers, KafkaHeaders.OFFSET, offsets, i);
            byte[] payload = payloads.get(i);
            messages.add(MessageBuilder.withPayload(payload == null ? new byte[0] : payload).copyHeaders(headers).build());
        }
        return messages;
    }

    /** A batch of this one record, shaped as the binder shapes a poll. */
    public static Message<List<byte[]>> of(Message<byte[]> message) {
        Map<String, Object> own = new HashMap<>(message.getHeaders());
        own.remove(KafkaHeaders.RECEIVED_KEY);
        own.remove(KafkaHeaders.RECEIVED_TOPIC);
        MessageBuilder<List<byte[]>> batch = MessageBuilder.withPayload(List.of(message.getPayload()))
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.of(own));
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        if (key != null) {
            batch.setHeader(KafkaHeaders.RECEIVED_KEY, List.of(key));
        }
        if (topic != null) {
            batch.setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(topic));
        }
        return batch.build();
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> values ? values : List.of();
    }

    private static void putIfPresent(Map<String, Object> headers, String name, List<?> values, int i) {
        if (i < values.size() && values.get(i) != null) {
            headers.put(name, values.get(i));
        }
    }
}
