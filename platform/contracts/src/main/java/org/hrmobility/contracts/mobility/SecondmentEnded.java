package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A secondment ended (R-MOB-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentEnded(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        LocalDate endedOn) {
}
