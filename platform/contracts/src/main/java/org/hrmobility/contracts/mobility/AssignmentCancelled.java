package org.hrmobility.contracts.mobility;

/**
 * An assignment made in error was cancelled, with the reason (R-COR-1 on R-MOB-8): the request is open again and the
 * offer back on the market. Carries the employee of the offer, their line manager and entity, as AssignmentMade did.
 */
public record AssignmentCancelled(
        String employeeId,
        String lineManagerId,
        String entity,
        String requestId,
        String offerId,
        String reason) {
}
