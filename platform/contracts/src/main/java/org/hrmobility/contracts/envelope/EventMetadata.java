package org.hrmobility.contracts.envelope;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents attributes of one event. {@code subject} names the aggregate the event is about (a case id, an
 * employee id); {@code traceparent} may be absent; {@code origin}, the decision the event came from, is absent for
 * events that no decision of the suite caused (master data).
 */
public record EventMetadata(UUID id, String source, String type, String subject, Instant time, String traceparent,
                            Origin origin) {

    /**
     * The decision an event came from, as its history line names it: who (token subject and employee id), in what
     * capacity ({@code DEPUTY}, {@code ON_BEHALF}; null in their own right), whose place they took, what and why.
     * Travels as CloudEvents extension attributes ({@code hrmactor}, ...), so every consumer can tell who decided
     * without a field in every payload.
     */
    public record Origin(String actor, String actorEmployeeId, String capacity, String onBehalfOf, String action, String reason) {
    }

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /** An event no decision of the suite caused (master data, a recruitment system's vacancy). */
    public EventMetadata(UUID id, String source, String type, String subject, Instant time, String traceparent) {
        this(id, source, type, subject, time, traceparent, null);
    }

    public static final class MalformedEnvelopeException extends RuntimeException {
        public MalformedEnvelopeException(String message) {
            super(message);
        }
    }
}
