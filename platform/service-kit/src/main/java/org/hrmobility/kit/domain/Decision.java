package org.hrmobility.kit.domain;

import java.util.List;

/**
 * What a decision on an aggregate produces: the aggregate after it, the events it causes, and its line in the
 * history. Aggregates return it from their decision methods; the kit's decision loop saves the first and writes the last two.
 */
public record Decision<T>(T next, List<OutgoingEvent<?>> events, AuditEntry history) {

    public Decision {
        events = List.copyOf(events);
    }

    /** Who took the decision, in what capacity, as its history line names them. */
    public Actor decidedBy() {
        return new Actor(history.actor(), history.actorEmployeeId(),
                history.capacity() == null ? Actor.Capacity.OWN : Actor.Capacity.valueOf(history.capacity()), history.onBehalfOf());
    }
}
