package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * An INSUFFICIENT rating opened a follow-up: guidance, and the next evaluation no earlier than earliestNext (R-EVA-3).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record FollowUpOpened(
        String employeeId,
        String lineManagerId,
        String entity,
        LocalDate openedOn,
        LocalDate earliestNext) {
}
