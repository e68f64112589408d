package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A secondment ended: on its end date, or early with the reason (R-MOB-6, R-COR-1).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentEnded(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        LocalDate endedOn,
        boolean early,
        String reason) {
}
