package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * An employee applied to a call (R-MOB-1, R-MOB-2, R-MOB-4).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ApplicationSubmitted(
        String employeeId,
        String lineManagerId,
        String entity,
        String applicationId,
        String callId,
        String programme,
        String host,
        LocalDate startsOn,
        LocalDate endsOn,
        long costCents,
        long centralShareCents) {
}
