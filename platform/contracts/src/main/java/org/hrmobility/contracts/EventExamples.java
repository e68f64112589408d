package org.hrmobility.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The checked-in JSON example of every event type, shipped in this jar so that each consumer's contract
 * test reads exactly what the producer promises.
 */
public final class EventExamples {

    private EventExamples() {
    }

    public static String resourceName(EventType<?> type) {
        return "/org/hrmobility/contracts/examples/" + type.ceType() + ".json";
    }

    public static byte[] bytes(EventType<?> type) {
        try (InputStream in = EventExamples.class.getResourceAsStream(resourceName(type))) {
            if (in == null) {
                throw new IllegalStateException("no example for " + type + " at " + resourceName(type));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T payload(EventType<T> type) {
        return EventJson.read(bytes(type), type.payloadType());
    }
}
