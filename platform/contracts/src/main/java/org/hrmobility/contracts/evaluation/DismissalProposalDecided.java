package org.hrmobility.contracts.evaluation;

/**
 * HR decided a dismissal proposal; when not dismissed, a follow-up opens (R-EVA-2).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record DismissalProposalDecided(
        String employeeId,
        String lineManagerId,
        String entity,
        boolean dismissed,
        String motivation) {
}
