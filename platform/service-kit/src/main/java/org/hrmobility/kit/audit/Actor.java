package org.hrmobility.kit.audit;

import java.time.Instant;

import org.hrmobility.kit.security.CurrentUser;

/** Who took a decision: the token's subject and, for people, their employee id. */
public record Actor(String subject, String employeeId) {

    /** The clock of a scheduled job: reminders and expiries nobody clicked. */
    public static final Actor SYSTEM = new Actor("system", null);

    /** The caller of a request, as the history names them. */
    public static Actor of(CurrentUser user) {
        return new Actor(user.subject(), user.employeeId());
    }

    /** This actor's line in the history. */
    public AuditEntry did(Instant at, String action, String detail) {
        return new AuditEntry(at, subject, employeeId, action, detail);
    }
}
