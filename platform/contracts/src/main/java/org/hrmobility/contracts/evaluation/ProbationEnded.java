package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * A probation ended with its evaluation (R-EVA-6): PASSED, or FAILED when that evaluation was INSUFFICIENT.
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ProbationEnded(
        String employeeId,
        String lineManagerId,
        String entity,
        String probationId,
        LocalDate endsOn,
        String rating,
        String outcome) {
}
