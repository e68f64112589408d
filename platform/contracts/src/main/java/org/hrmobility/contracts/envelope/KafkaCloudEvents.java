package org.hrmobility.contracts.envelope;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;

/**
 * The suite's events on Kafka: CloudEvents 1.0 in binary content mode ({@code ce_*} headers, the JSON payload as the
 * record value), written and read by the CloudEvents SDK; W3C {@code traceparent} rides along as its own header, and
 * the decision an event came from as extension attributes.
 */
public final class KafkaCloudEvents {

    public static final String TRACEPARENT = "traceparent";
    public static final String JSON = "application/json";

    static final String ACTOR = "hrmactor";
    static final String ACTOR_EMPLOYEE = "hrmactoremployee";
    static final String CAPACITY = "hrmcapacity";
    static final String ON_BEHALF_OF = "hrmonbehalfof";
    static final String ACTION = "hrmaction";
    static final String REASON = "hrmreason";

    private KafkaCloudEvents() {
    }

    /** The Kafka record of one event, keyed by its aggregate so that one aggregate's events stay in order. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, EventMetadata metadata, byte[] json) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(metadata.id().toString())
                .withSource(URI.create(metadata.source()))
                .withType(metadata.type())
                .withTime(OffsetDateTime.ofInstant(metadata.time(), ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(json);
        if (metadata.subject() != null) {
            event.withSubject(metadata.subject());
        }
        EventMetadata.Origin origin = metadata.origin();
        if (origin != null) {
            extension(event, ACTOR, origin.actor());
            extension(event, ACTOR_EMPLOYEE, origin.actorEmployeeId());
            extension(event, CAPACITY, origin.capacity());
            extension(event, ON_BEHALF_OF, origin.onBehalfOf());
            extension(event, ACTION, origin.action());
            extension(event, REASON, origin.reason());
        }
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event.build());
        if (metadata.traceparent() != null) {
            record.headers().add(new RecordHeader(TRACEPARENT, metadata.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /**
     * The attributes of a consumed record.
     *
     * @throws EventMetadata.MalformedEnvelopeException when it is not a CloudEvents 1.0 record in binary mode
     */
    public static EventMetadata metadata(Headers headers, byte[] body) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(headers, body).toEvent();
        } catch (CloudEventRWException | IllegalArgumentException | IllegalStateException e) {
            throw new EventMetadata.MalformedEnvelopeException("not a CloudEvents 1.0 record: " + e.getMessage());
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new EventMetadata.MalformedEnvelopeException("unsupported CloudEvents version " + event.getSpecVersion());
        }
        if (event.getTime() == null) {
            throw new EventMetadata.MalformedEnvelopeException("missing ce_time");
        }
        UUID id;
        try {
            id = UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new EventMetadata.MalformedEnvelopeException("ce_id is not a UUID: " + event.getId());
        }
        Header trace = headers.lastHeader(TRACEPARENT);
        String actor = extension(event, ACTOR);
        EventMetadata.Origin origin = actor == null ? null : new EventMetadata.Origin(actor, extension(event, ACTOR_EMPLOYEE),
                extension(event, CAPACITY), extension(event, ON_BEHALF_OF), extension(event, ACTION), extension(event, REASON));
        return new EventMetadata(id, event.getSource().toString(), event.getType(), event.getSubject(), event.getTime().toInstant(),
                trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8), origin);
    }

    /** The headers of a record as text, for tools that show or copy them. */
    public static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static void extension(CloudEventBuilder event, String name, String value) {
        if (value != null) {
            event.withExtension(name, value);
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
