package org.hrmobility.contracts.evaluation;

/**
 * A first INSUFFICIENT in special circumstances: a dismissal proposal for HR to decide (R-EVA-2).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record DismissalProposed(
        String employeeId,
        String lineManagerId,
        String entity,
        String evaluationId,
        String motivation) {
}
