package org.hrmobility.evaluation.probation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** R-EVA-6: every {@code hrm.evaluation.reminder-check}, the end-of-probation reminders that fell due. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProbationReminders {

    private static final Logger log = LoggerFactory.getLogger(ProbationReminders.class);

    private final ProbationService probations;

    ProbationReminders(ProbationService probations) {
        this.probations = probations;
    }

    @Scheduled(fixedDelayString = "${hrm.evaluation.reminder-check:PT1H}", initialDelayString = "PT20S")
    void send() {
        Long sent = probations.sendReminders().block();
        if (sent != null && sent > 0) {
            log.info("Sent {} probation reminder(s)", sent);
        }
    }
}
