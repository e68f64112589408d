package org.hrmobility.kit.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The clock of every service under test (imported by {@link ServiceIntegrationTest}): real time plus an offset
 * tests move forward, so deadlines and reminders pass without sleeping.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to noon (Brussels) of that day, wherever it stood. */
    public void moveTo(LocalDate day) {
        offset = Duration.between(Instant.now(), day.atTime(12, 0).atZone(ZoneId.of("Europe/Brussels")).toInstant());
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }
}
