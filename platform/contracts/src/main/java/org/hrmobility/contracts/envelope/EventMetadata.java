package org.hrmobility.contracts.envelope;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The CloudEvents attributes of one event. {@code subject} names the aggregate the event is about
 * (a case id, an employee id); {@code traceparent} may be absent.
 */
public record EventMetadata(UUID id, String source, String type, String subject, Instant time, String traceparent) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /** The headers of the binary content mode, in a stable order. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.TIME, time.toString());
        if (subject != null) {
            headers.put(CloudEventHeaders.SUBJECT, subject);
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (traceparent != null) {
            headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return headers;
    }

    /**
     * Reads the attributes back from headers.
     *
     * @throws MalformedEnvelopeException when a required attribute is missing or unreadable
     */
    public static EventMetadata fromHeaders(Function<String, String> header) {
        String specVersion = header.apply(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new MalformedEnvelopeException("unsupported or missing ce_specversion: " + specVersion);
        }
        try {
            return new EventMetadata(
                    UUID.fromString(required(header, CloudEventHeaders.ID)),
                    required(header, CloudEventHeaders.SOURCE),
                    required(header, CloudEventHeaders.TYPE),
                    header.apply(CloudEventHeaders.SUBJECT),
                    Instant.parse(required(header, CloudEventHeaders.TIME)),
                    header.apply(CloudEventHeaders.TRACEPARENT));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEnvelopeException("unreadable CloudEvents attribute: " + e.getMessage());
        }
    }

    private static String required(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEnvelopeException("missing header " + name);
        }
        return value;
    }

    public static final class MalformedEnvelopeException extends RuntimeException {
        public MalformedEnvelopeException(String message) {
            super(message);
        }
    }
}
