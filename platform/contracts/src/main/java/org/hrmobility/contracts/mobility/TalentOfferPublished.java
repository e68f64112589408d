package org.hrmobility.contracts.mobility;

import java.time.LocalDate;
import java.util.List;

/**
 * A talent offer was published after the line manager's consent (R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record TalentOfferPublished(
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        List<String> skills,
        int sharePercent,
        LocalDate availableFrom,
        LocalDate availableTo) {
}
