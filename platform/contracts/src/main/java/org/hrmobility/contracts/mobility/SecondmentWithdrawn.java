package org.hrmobility.contracts.mobility;

/**
 * A secondment request was withdrawn before it started, with the reason (R-COR-1).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentWithdrawn(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        String reason) {
}
