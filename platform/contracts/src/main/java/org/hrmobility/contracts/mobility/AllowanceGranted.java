package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * The line manager granted a temporary heavier-duty allowance (R-MOB-9).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record AllowanceGranted(
        String employeeId,
        String lineManagerId,
        String entity,
        String allowanceId,
        LocalDate startsOn,
        LocalDate endsOn,
        String reason) {
}
