package org.hrmobility.redeployment.casefile;

import java.time.Instant;

import org.hrmobility.kit.audit.AuditEntry;

/** Who did something: the token's subject and, for people, their employee id. */
public record Actor(String subject, String employeeId) {

    /** This actor's line in the history. */
    public AuditEntry did(Instant at, String action, String detail) {
        return new AuditEntry(at, subject, employeeId, action, detail);
    }
}
