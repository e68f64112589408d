package org.hrmobility.contracts.redeployment;

import java.time.LocalDate;

/** A position was offered (R-RED-3); the third offer after two refusals places ex officio (R-RED-4). Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record OfferMade(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        int offerNumber,
        String title,
        String positionEntity,
        String grade,
        String vacancyId,
        LocalDate respondBy,
        boolean exOfficio) {
}
