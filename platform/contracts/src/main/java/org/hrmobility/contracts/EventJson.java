package org.hrmobility.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event payloads. Readers tolerate unknown fields, because payloads gain optional
 * fields within a version; dates travel as ISO-8601 strings.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object payload) {
        return MAPPER.writeValueAsBytes(payload);
    }

    /** Reads a payload; a body that is not valid JSON of that type throws {@link MalformedPayloadException}. */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new MalformedPayloadException("empty payload for " + type.getSimpleName(), null);
            }
            return value;
        } catch (JacksonException e) {
            throw malformed(type, e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            // thrown by a payload record's own invariants, wrapped or not by Jackson
            throw malformed(type, e.getMessage(), e);
        }
    }

    private static MalformedPayloadException malformed(Class<?> type, String reason, Exception cause) {
        return new MalformedPayloadException("payload is not a valid " + type.getSimpleName() + ": " + reason, cause);
    }

    public static final class MalformedPayloadException extends RuntimeException {
        public MalformedPayloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
