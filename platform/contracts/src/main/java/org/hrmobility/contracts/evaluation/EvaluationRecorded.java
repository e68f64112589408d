package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * An evaluation was recorded (R-EVA-1).
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
        boolean specialCircumstances) {
}
