package org.hrmobility.peer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The date arithmetic the process's expressions need (as {@code redeploymentRules}): JUEL has no dates of its own.
 * R-RED-1: a guidance trajectory running until a given day is completed from the day after.
 */
@Component("redeploymentRules")
public class RedeploymentRules {

    private final Clock clock;

    public RedeploymentRules() {
        this(Clock.systemDefaultZone());
    }

    public RedeploymentRules(Clock clock) {
        this.clock = clock;
    }

    /** Whether a trajectory that runs until this day (ISO date) is completed today. */
    public boolean guidanceCompleted(String guidanceTo) {
        return LocalDate.now(clock).isAfter(LocalDate.parse(guidanceTo));
    }

    /** The start of the day after the trajectory's last day: when the case may go on to admissibility. */
    public Date dayAfter(String guidanceTo) {
        return Date.from(LocalDate.parse(guidanceTo).plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }
}
