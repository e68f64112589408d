package org.hrmobility.kit.domain;

import java.time.Instant;

/**
 * One step in the history of an aggregate: when, who (token subject and employee id), what and why, and, when the
 * actor took someone else's place, in what capacity ({@code DEPUTY} or {@code ON_BEHALF}) and whose.
 */
public record AuditEntry(Instant at, String actor, String actorEmployeeId, String action, String detail, String capacity,
                         String onBehalfOf) {

    /** A step taken in the actor's own right. */
    public AuditEntry(Instant at, String actor, String actorEmployeeId, String action, String detail) {
        this(at, actor, actorEmployeeId, action, detail, null, null);
    }
}
