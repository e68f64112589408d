package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A heavier-duty allowance ends within a month (R-MOB-9).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record AllowanceEndingSoon(
        String employeeId,
        String lineManagerId,
        String entity,
        String allowanceId,
        LocalDate endsOn) {
}
