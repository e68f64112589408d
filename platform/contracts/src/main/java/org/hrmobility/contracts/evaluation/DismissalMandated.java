package org.hrmobility.contracts.evaluation;

/**
 * A second INSUFFICIENT within the four evaluations after the first: dismissal is mandatory (R-EVA-4).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record DismissalMandated(
        String employeeId,
        String lineManagerId,
        String entity,
        String evaluationId,
        int followUpEvaluations) {
}
