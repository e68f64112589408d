package org.hrmobility.evaluation.probation;

import org.springframework.context.ApplicationContext;

/**
 * Runs the end-of-probation reminders now, for tests outside this package: the scheduled run comes 20 s after the
 * start and then hourly, so a test that moved the clock cannot wait for it.
 */
public final class ProbationReminderRun {

    private ProbationReminderRun() {
    }

    public static void now(ApplicationContext context) {
        context.getBean(ProbationService.class).sendReminders().block();
    }
}
