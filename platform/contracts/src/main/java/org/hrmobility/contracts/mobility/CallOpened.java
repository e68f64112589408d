package org.hrmobility.contracts.mobility;

import java.time.LocalDate;
import java.util.List;

/**
 * A case handler opened an international mobility call (R-MOB-4).
 */
public record CallOpened(
        String callId,
        String programme,
        String title,
        LocalDate opensOn,
        LocalDate closesOn,
        List<String> eligibleLevels,
        Integer maxMonths) {
}
