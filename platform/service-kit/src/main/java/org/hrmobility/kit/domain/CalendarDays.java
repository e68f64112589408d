package org.hrmobility.kit.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The administration's calendar: deadlines, windows and periods are Belgian calendar days, so "today" is the
 * date in Brussels, whatever the server's time zone; and a period of months or years ends the day before its
 * anniversary, where a missing anniversary (31 February, 29 February in a common year) falls on the first day after.
 */
public final class CalendarDays {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private CalendarDays() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The instant a Brussels day starts (23 or 25 hours after the previous one on the days clocks change); null for null. */
    public static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZONE).toInstant();
    }

    /**
     * The last day of a period of {@code months} starting on {@code start}, both days included: from 15 January one
     * month ends on 14 February; from 31 January (or 29 and 30 January in a common year) on the last day of February,
     * because their anniversary does not exist and falls on 1 March.
     */
    public static LocalDate lastDayOfMonths(LocalDate start, int months) {
        LocalDate clamped = start.plusMonths(months);
        LocalDate anniversary = clamped.getDayOfMonth() < start.getDayOfMonth() ? clamped.plusDays(1) : clamped;
        return anniversary.minusDays(1);
    }

    /** The last day of a period of {@code years} from {@code start}: from 29 February 2028 one year ends on 28 February 2029. */
    public static LocalDate lastDayOfYears(LocalDate start, int years) {
        return lastDayOfMonths(start, 12 * years);
    }
}
