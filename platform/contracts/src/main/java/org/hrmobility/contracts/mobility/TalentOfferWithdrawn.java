package org.hrmobility.contracts.mobility;

/**
 * An employee (or HR on their behalf) withdrew a talent offer from the marketplace, with the reason (R-COR-1, R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record TalentOfferWithdrawn(
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        String reason) {
}
