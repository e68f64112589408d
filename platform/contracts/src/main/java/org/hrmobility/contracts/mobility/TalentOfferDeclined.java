package org.hrmobility.contracts.mobility;

/**
 * The line manager did not consent to a talent offer: it is not published (R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record TalentOfferDeclined(
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId) {
}
