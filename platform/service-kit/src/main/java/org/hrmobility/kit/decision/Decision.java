package org.hrmobility.kit.decision;

import java.util.List;

import org.hrmobility.kit.audit.AuditEntry;
import org.hrmobility.kit.outbox.OutgoingEvent;

/**
 * What a decision on an aggregate produces: the aggregate after it, the events it causes, and its line in the
 * history. Aggregates return it from their decision methods; {@link DecisionLog} writes the last two.
 */
public record Decision<T>(T next, List<OutgoingEvent<?>> events, AuditEntry history) {

    public Decision {
        events = List.copyOf(events);
    }
}
