package org.hrmobility.kit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Who took a decision and in what capacity: the token's subject and, for people, their employee id; and, when they
 * acted in someone else's place, whose (R-ACC-2: HR recording a line manager's decision on their behalf; R-ACC-3: a
 * deputy acting for a manager).
 */
public record Actor(String subject, String employeeId, Capacity capacity, String onBehalfOf) {

    /** In whose right an actor acts. */
    public enum Capacity {
        /** Their own: the employee, the line manager, the case handler in their own role. */
        OWN,
        /** As the named deputy of a line manager, for the period of the delegation (R-ACC-3). */
        DEPUTY,
        /** HR recording a decision that belongs to the line manager, on the manager's behalf, with a reason (R-ACC-2). */
        ON_BEHALF
    }

    /** The clock of a scheduled job: reminders and expiries nobody clicked. */
    public static final Actor SYSTEM = new Actor("system", null);

    public Actor {
        Objects.requireNonNull(subject, "subject");
        capacity = capacity == null ? Capacity.OWN : capacity;
        if (capacity != Capacity.OWN && onBehalfOf == null) {
            throw new IllegalArgumentException(capacity + " names whose place the actor takes");
        }
    }

    /** Someone acting in their own right. */
    public Actor(String subject, String employeeId) {
        this(subject, employeeId, Capacity.OWN, null);
    }

    public Actor asDeputyOf(String managerId) {
        return new Actor(subject, employeeId, Capacity.DEPUTY, managerId);
    }

    public Actor onBehalfOf(String managerId) {
        return new Actor(subject, employeeId, Capacity.ON_BEHALF, managerId);
    }

    public boolean isOwnRight() {
        return capacity == Capacity.OWN;
    }

    /** This actor's line in the history. */
    public AuditEntry did(Instant at, String action, String detail) {
        return new AuditEntry(at, subject, employeeId, action, detail, isOwnRight() ? null : capacity.name(), onBehalfOf);
    }
}
