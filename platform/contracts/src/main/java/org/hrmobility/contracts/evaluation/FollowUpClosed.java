package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * Four evaluations after the INSUFFICIENT without another one: the follow-up closes (R-EVA-4).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record FollowUpClosed(
        String employeeId,
        String lineManagerId,
        String entity,
        LocalDate closedOn) {
}
