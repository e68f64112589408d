package org.hrmobility.kit.decision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The administration's calendar: deadlines, windows and periods are Belgian calendar days, so "today" is the
 * date in Brussels, whatever the server's time zone.
 */
public final class CalendarDays {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private CalendarDays() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
