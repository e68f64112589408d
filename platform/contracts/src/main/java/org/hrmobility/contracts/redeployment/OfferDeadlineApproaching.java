package org.hrmobility.contracts.redeployment;

import java.time.LocalDate;

/** An open offer's response deadline is near (R-RED-5). Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record OfferDeadlineApproaching(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        LocalDate respondBy) {
}
