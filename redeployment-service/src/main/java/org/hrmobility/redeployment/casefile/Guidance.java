package org.hrmobility.redeployment.casefile;

import java.time.LocalDate;
import java.util.List;

/** The guidance and support trajectory the line manager ran with the employee (R-RED-1): its period and actions. */
public record Guidance(LocalDate from, LocalDate to, List<String> actions) {

    public Guidance {
        actions = List.copyOf(actions);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the trajectory ends before it starts");
        }
    }

    /** Completed once its period has ended: registration needs a completed trajectory (R-RED-1). */
    public boolean isCompletedOn(LocalDate day) {
        return !to.isAfter(day);
    }
}
