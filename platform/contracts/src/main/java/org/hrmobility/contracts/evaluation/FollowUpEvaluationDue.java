package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * A month before the follow-up's earliest next evaluation: the line manager plans it (R-EVA-3).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record FollowUpEvaluationDue(
        String employeeId,
        String lineManagerId,
        String entity,
        LocalDate earliestNext) {
}
