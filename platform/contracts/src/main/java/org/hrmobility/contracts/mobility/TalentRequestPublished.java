package org.hrmobility.contracts.mobility;

import java.time.LocalDate;
import java.util.List;

/**
 * A project owner published a talent request (R-MOB-8).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record TalentRequestPublished(
        String employeeId,
        String lineManagerId,
        String entity,
        String requestId,
        String title,
        List<String> skills,
        int sharePercent,
        LocalDate neededFrom,
        LocalDate neededTo) {
}
