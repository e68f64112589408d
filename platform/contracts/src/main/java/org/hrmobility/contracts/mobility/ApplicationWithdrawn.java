package org.hrmobility.contracts.mobility;

/**
 * The employee (or HR on their behalf, with the reason) withdrew an application before it started (R-MOB-5, R-COR-1).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ApplicationWithdrawn(
        String employeeId,
        String lineManagerId,
        String entity,
        String applicationId,
        String reason,
        boolean onBehalf) {
}
