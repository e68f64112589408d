package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * A contractual employee's dismissal under labour law was recorded, not decided, here (R-EVA-5).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ContractualDismissalRecorded(
        String employeeId,
        String lineManagerId,
        String entity,
        LocalDate effectiveOn,
        String reason) {
}
