package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * A manager's probation of 6 to 12 months started (R-EVA-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ProbationStarted(
        String employeeId,
        String lineManagerId,
        String entity,
        String probationId,
        LocalDate startsOn,
        LocalDate endsOn) {
}
