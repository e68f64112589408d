package org.hrmobility.redeployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A clock the tests move forward, so that deadlines pass without sleeping (R-RED-5). */
@Configuration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    MovableClock clock() {
        return new MovableClock();
    }

    public static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
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
    }
}
