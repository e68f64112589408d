package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A talent offer was assigned to a request: the marketplace loop is closed (R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record AssignmentMade(
        String employeeId,
        String lineManagerId,
        String entity,
        String requestId,
        String offerId,
        int sharePercent,
        LocalDate from,
        LocalDate to) {
}
