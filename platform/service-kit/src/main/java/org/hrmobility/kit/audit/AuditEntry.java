package org.hrmobility.kit.audit;

import java.time.Instant;

/** One step in the history of an aggregate: when, who (token subject and employee id), what and why. */
public record AuditEntry(Instant at, String actor, String actorEmployeeId, String action, String detail) {
}
