package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A heavier-duty allowance was ended early, on the day given, with the reason (R-COR-1, R-MOB-9).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record AllowanceEnded(
        String employeeId,
        String lineManagerId,
        String entity,
        String allowanceId,
        LocalDate endedOn,
        String reason) {
}
