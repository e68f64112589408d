package org.hrmobility.evaluation.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** R-EVA-3: every {@code hrm.evaluation.reminder-check}, the follow-up reminders that fell due. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final EvaluationService evaluations;

    Reminders(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Scheduled(fixedDelayString = "${hrm.evaluation.reminder-check:PT1H}", initialDelayString = "PT15S")
    void send() {
        Long sent = evaluations.sendReminders().block();
        if (sent != null && sent > 0) {
            log.info("Sent {} follow-up reminder(s)", sent);
        }
    }
}
