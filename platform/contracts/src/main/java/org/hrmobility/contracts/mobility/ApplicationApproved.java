package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * The host gave its green light: the application is approved, with the central co-funding (R-MOB-3, R-MOB-5).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ApplicationApproved(
        String employeeId,
        String lineManagerId,
        String entity,
        String applicationId,
        String host,
        LocalDate startsOn,
        long centralShareCents) {
}
