package org.hrmobility.contracts.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    private final EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "/hrm/redeployment",
            "hrm.redeployment.OfferRefused.v1", "case-42", Instant.parse("2026-11-23T10:15:30.123Z"),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    @Test
    @DisplayName("binary-mode headers carry every CloudEvents 1.0 attribute and the trace context, and read back equal")
    void roundTrip() {
        Map<String, String> headers = metadata.toHeaders();

        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "hrm.redeployment.OfferRefused.v1")
                .containsEntry("ce_subject", "case-42")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_source", "ce_time", "traceparent");
        assertThat(EventMetadata.fromHeaders(headers::get)).isEqualTo(metadata);
    }

    @Test
    @DisplayName("a message without ce_id or with another spec version is malformed")
    void missingAttributes() {
        Map<String, String> headers = new HashMap<>(metadata.toHeaders());
        headers.remove("ce_id");
        assertThatThrownBy(() -> EventMetadata.fromHeaders(headers::get))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class).hasMessageContaining("ce_id");

        Map<String, String> otherSpec = new HashMap<>(metadata.toHeaders());
        otherSpec.put("ce_specversion", "0.3");
        assertThatThrownBy(() -> EventMetadata.fromHeaders(otherSpec::get))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class);

        Map<String, String> badTime = new HashMap<>(metadata.toHeaders());
        badTime.put("ce_time", "yesterday");
        assertThatThrownBy(() -> EventMetadata.fromHeaders(badTime::get))
                .isInstanceOf(EventMetadata.MalformedEnvelopeException.class);
    }
}
