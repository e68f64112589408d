package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * An evaluation was recorded (R-EVA-1); in a follow-up that goes on, {@code followUpNextOn} is the earliest day of the next
 * evaluation (R-EVA-3).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record EvaluationRecorded(
        String employeeId,
        String lineManagerId,
        String entity,
        String evaluationId,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate evaluatedOn,
        String rating,
        boolean specialCircumstances,
        LocalDate followUpNextOn) {
}
