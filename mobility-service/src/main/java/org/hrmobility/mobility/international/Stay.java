package org.hrmobility.mobility.international;

import java.time.LocalDate;

/**
 * A stay from its first to its last day, both included: 1 March to 31 March is exactly one month, 1 January to
 * 30 June exactly six.
 */
public record Stay(LocalDate startsOn, LocalDate endsOn) {

    public Stay {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("a stay ends on or after its first day");
        }
    }

    /** At least this many whole months. */
    public boolean lastsAtLeast(int months) {
        return !endsOn.isBefore(startsOn.plusMonths(months).minusDays(1));
    }

    /** No longer than this many months. */
    public boolean lastsAtMost(int months) {
        return !endsOn.isAfter(startsOn.plusMonths(months).minusDays(1));
    }
}
