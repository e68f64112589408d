package org.hrmobility.contracts.redeployment;

import java.time.LocalDate;

/** An offer was left unanswered past its deadline and counts as a refusal (R-RED-5). Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record OfferExpired(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        int refusals,
        LocalDate respondBy) {
}
