package org.hrmobility.contracts.mobility;

/**
 * The line manager or the host refused an application, with the reason (R-MOB-5).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ApplicationRefused(
        String employeeId,
        String lineManagerId,
        String entity,
        String applicationId,
        String refusedBy,
        String reason) {
}
