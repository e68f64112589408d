package org.hrmobility.contracts.mobility;

/**
 * A project owner (or HR) withdrew a talent request, with the reason (R-COR-1, R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record TalentRequestWithdrawn(
        String employeeId,
        String lineManagerId,
        String entity,
        String requestId,
        String reason) {
}
