package org.hrmobility.mobility.secondment;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** R-MOB-6: every {@code hrm.mobility.calendar-check}, the secondments whose start or end has come. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SecondmentCalendar {

    private static final Logger log = LoggerFactory.getLogger(SecondmentCalendar.class);

    private final SecondmentService secondments;

    SecondmentCalendar(SecondmentService secondments) {
        this.secondments = secondments;
    }

    @Scheduled(fixedDelayString = "${hrm.mobility.calendar-check:PT10M}", initialDelayString = "PT20S")
    void follow() {
        Long moved = secondments.followCalendar().block(Duration.ofMinutes(5));
        if (moved != null && moved > 0) {
            log.info("Secondment calendar: {} started or ended", moved);
        }
    }
}
