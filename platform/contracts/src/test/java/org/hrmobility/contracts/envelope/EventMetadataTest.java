package org.hrmobility.contracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    private final EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "/hrm/redeployment-service",
            "hrm.redeployment.OfferRefused.v1", "case-1", Instant.parse("2026-11-23T10:15:30.123Z"),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            new EventMetadata.Origin("hana", "E-0001", "ON_BEHALF", "E-0003", "offer 1 refused on the employee's behalf", "moved abroad"));

    @Test
    @DisplayName("CloudEvents 1.0 binary mode by the SDK: ce_ headers and the JSON body, read back whole, with the decision it came from")
    void roundTrip() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.record("hrm.redeployment.events", "case-1", metadata, "{}".getBytes());

        assertThat(KafkaCloudEvents.headers(record)).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "hrm.redeployment.OfferRefused.v1").containsEntry("ce_subject", "case-1")
                .containsEntry("content-type", "application/json").containsEntry("ce_hrmcapacity", "ON_BEHALF")
                .containsKey("traceparent");
        assertThat(record.key()).isEqualTo("case-1");
        assertThat(KafkaCloudEvents.metadata(record.headers(), record.value())).isEqualTo(metadata);
    }

    @Test
    @DisplayName("a record without the required attributes, of another spec version or with an unreadable time is malformed")
    void malformed() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.record("t", "k", metadata, "{}".getBytes());

        RecordHeaders noType = new RecordHeaders(record.headers().toArray());
        noType.remove("ce_type");
        assertThatThrownBy(() -> KafkaCloudEvents.metadata(noType, "{}".getBytes()))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class);
        RecordHeaders otherSpec = new RecordHeaders(record.headers().toArray());
        otherSpec.remove("ce_specversion");
        otherSpec.add("ce_specversion", "0.1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaCloudEvents.metadata(otherSpec, "{}".getBytes()))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class);
        RecordHeaders badTime = new RecordHeaders(record.headers().toArray());
        badTime.remove("ce_time");
        badTime.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KafkaCloudEvents.metadata(badTime, "{}".getBytes()))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class);
        assertThatThrownBy(() -> KafkaCloudEvents.metadata(new RecordHeaders(), "{}".getBytes()))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class);
    }
}
