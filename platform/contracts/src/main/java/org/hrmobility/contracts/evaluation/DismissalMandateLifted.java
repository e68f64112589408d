package org.hrmobility.contracts.evaluation;

/**
 * A mandated dismissal no longer holds after a corrected evaluation (R-COR-1, R-EVA-4): it is lifted, with the reason.
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record DismissalMandateLifted(
        String employeeId,
        String lineManagerId,
        String entity,
        String evaluationId,
        String reason) {
}
