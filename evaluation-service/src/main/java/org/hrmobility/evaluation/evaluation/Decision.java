package org.hrmobility.evaluation.evaluation;

import java.util.List;

import org.hrmobility.kit.audit.AuditEntry;
import org.hrmobility.kit.outbox.OutgoingEvent;

/** What a decision on an employee's evaluations produces: the file after it, its events, its history line. */
public record Decision<T>(T next, List<OutgoingEvent<?>> events, AuditEntry history) {

    public Decision {
        events = List.copyOf(events);
    }
}
