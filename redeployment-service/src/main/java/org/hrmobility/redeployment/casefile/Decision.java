package org.hrmobility.redeployment.casefile;

import java.util.List;

import org.hrmobility.kit.audit.AuditEntry;
import org.hrmobility.kit.outbox.OutgoingEvent;

/** What a decision on a case produces: the case after it, the events it causes, and its line in the history. */
public record Decision(RedeploymentCase next, List<OutgoingEvent<?>> events, AuditEntry history) {

    public Decision {
        events = List.copyOf(events);
    }
}
