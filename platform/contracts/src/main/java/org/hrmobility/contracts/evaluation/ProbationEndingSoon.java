package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * A probation ends within a month: its closing evaluation is due (R-EVA-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ProbationEndingSoon(
        String employeeId,
        String lineManagerId,
        String entity,
        String probationId,
        LocalDate endsOn) {
}
