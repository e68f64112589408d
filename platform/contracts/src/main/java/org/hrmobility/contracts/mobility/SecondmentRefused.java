package org.hrmobility.contracts.mobility;

/**
 * The line manager or the host refused a secondment (R-MOB-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentRefused(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        String refusedBy,
        String reason) {
}
