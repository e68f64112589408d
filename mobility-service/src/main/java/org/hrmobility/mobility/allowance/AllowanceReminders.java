package org.hrmobility.mobility.allowance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** R-MOB-9: every {@code hrm.mobility.reminder-check}, the allowance reminders that fell due. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AllowanceReminders {

    private static final Logger log = LoggerFactory.getLogger(AllowanceReminders.class);

    private final AllowanceService allowances;

    AllowanceReminders(AllowanceService allowances) {
        this.allowances = allowances;
    }

    @Scheduled(fixedDelayString = "${hrm.mobility.reminder-check:PT1H}", initialDelayString = "PT15S")
    void send() {
        Long sent = allowances.sendReminders().block();
        if (sent != null && sent > 0) {
            log.info("Sent {} allowance reminder(s)", sent);
        }
    }
}
