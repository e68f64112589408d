package org.hrmobility.notification.routing;

import java.util.Map;

import org.hrmobility.kit.inbox.IncomingEvent;

/** A decision of a domain service as it arrived here: its envelope and the fields of its payload, read once. */
public record Arrival(IncomingEvent event, Map<String, Object> payload) {

    public String type() {
        return event.metadata().type();
    }
}
