package org.hrmobility.contracts.redeployment;

/** The employee (or the case handler on their behalf) refused an offer. Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record OfferRefused(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        int refusals,
        String reason,
        boolean onBehalf) {
}
