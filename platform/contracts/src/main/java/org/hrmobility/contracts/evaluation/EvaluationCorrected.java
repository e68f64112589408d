package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * HR corrected an evaluation's rating or dates, with the reason (R-COR-1); the follow-up was recomputed from the
 * corrected sequence and is now in {@code state} (it was {@code previousState}); with a follow-up open, the earliest day of
 * its next evaluation is {@code followUpNextOn}.
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record EvaluationCorrected(
        String employeeId,
        String lineManagerId,
        String entity,
        String evaluationId,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate evaluatedOn,
        String rating,
        String previousState,
        String state,
        String reason,
        LocalDate followUpNextOn) {
}
