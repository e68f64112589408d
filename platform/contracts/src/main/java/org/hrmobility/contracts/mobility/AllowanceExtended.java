package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A heavier-duty allowance was explicitly extended by one year (R-MOB-9).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record AllowanceExtended(
        String employeeId,
        String lineManagerId,
        String entity,
        String allowanceId,
        LocalDate endsOn,
        int extensions) {
}
