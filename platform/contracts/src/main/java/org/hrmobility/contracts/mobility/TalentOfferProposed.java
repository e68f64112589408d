package org.hrmobility.contracts.mobility;

import java.time.LocalDate;
import java.util.List;

/**
 * An employee offered talents on the marketplace; the line manager's consent publishes the offer (R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record TalentOfferProposed(
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        List<String> skills,
        int sharePercent,
        LocalDate availableFrom,
        LocalDate availableTo) {
}
