package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A transfer into the administration was recorded with the kept monetary seniority and the shortened selection (R-MOB-7).
 */
public record InboundTransferRecorded(
        String transferId,
        String personName,
        String origin,
        int monetarySeniorityMonths,
        boolean shortenedSelection,
        String entity,
        String grade,
        LocalDate startsOn) {
}
