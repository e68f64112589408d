package org.hrmobility.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalendarDaysTest {

    private static LocalDate todayAt(String utc) {
        return CalendarDays.today(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC));
    }

    @Test
    @DisplayName("today is the Brussels date: 23:30 UTC on 31 December is already 1 January in winter, 22:30 UTC on 30 June is already 1 July in summer")
    void todayInBrussels() {
        assertThat(todayAt("2026-12-31T22:59:59Z")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(todayAt("2026-12-31T23:00:00Z")).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(todayAt("2026-06-30T21:59:59Z")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(todayAt("2026-06-30T22:00:00Z")).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    @DisplayName("the days the clocks change are 23 and 25 hours long, and a Brussels day starts at local midnight on both")
    void daylightSavingDays() {
        LocalDate spring = LocalDate.of(2027, 3, 28);
        LocalDate autumn = LocalDate.of(2027, 10, 31);
        assertThat(Duration.between(CalendarDays.startOf(spring), CalendarDays.startOf(spring.plusDays(1)))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(CalendarDays.startOf(autumn), CalendarDays.startOf(autumn.plusDays(1)))).isEqualTo(Duration.ofHours(25));
        assertThat(todayAt("2027-03-28T22:30:00Z")).as("after the spring change, 00:30 local").isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(todayAt("2027-10-30T22:30:00Z")).as("before the autumn change, 00:30 local").isEqualTo(LocalDate.of(2027, 10, 31));
        assertThat(CalendarDays.startOf(null)).isNull();
    }

    @Test
    @DisplayName("periods end the day before their anniversary; a missing anniversary falls on the first day after (month ends, leap years)")
    void periods() {
        assertThat(CalendarDays.lastDayOfMonths(LocalDate.of(2027, 1, 15), 1)).isEqualTo(LocalDate.of(2027, 2, 14));
        assertThat(CalendarDays.lastDayOfMonths(LocalDate.of(2027, 1, 31), 1)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(CalendarDays.lastDayOfMonths(LocalDate.of(2028, 1, 31), 1)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CalendarDays.lastDayOfMonths(LocalDate.of(2027, 8, 31), 6)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CalendarDays.lastDayOfYears(LocalDate.of(2028, 2, 29), 1)).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(CalendarDays.lastDayOfYears(LocalDate.of(2027, 3, 1), 1)).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
