package org.hrmobility.kit.decision;

import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.outbox.Outbox;

import reactor.core.publisher.Mono;

/**
 * Writes a decision's history line and events in the caller's transaction, after the service has saved the
 * aggregate itself: the three commit together or not at all.
 */
public class DecisionLog {

    private final AuditTrail audit;
    private final Outbox outbox;

    public DecisionLog(AuditTrail audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
    }

    public Mono<Void> record(String aggregateType, String aggregateId, Decision<?> decision) {
        return audit.append(aggregateType, aggregateId, decision.history()).then(outbox.appendAll(decision.events(), decision.history()));
    }
}
