package org.hrmobility.mobility.international;

import java.time.LocalDate;

import org.hrmobility.kit.domain.CalendarDays;

/**
 * A stay from its first to its last day, both included: 1 March to 31 March is exactly one month, 1 January to
 * 30 June exactly six, and from 31 January a month ends on the last day of February.
 */
public record Stay(LocalDate startsOn, LocalDate endsOn) {

    public Stay {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("a stay ends on or after its first day");
        }
    }

    /** At least this many whole months. */
    public boolean lastsAtLeast(int months) {
        return !endsOn.isBefore(CalendarDays.lastDayOfMonths(startsOn, months));
    }

    /** No longer than this many months. */
    public boolean lastsAtMost(int months) {
        return !endsOn.isAfter(CalendarDays.lastDayOfMonths(startsOn, months));
    }
}
