package org.hrmobility.contracts.redeployment;

import java.time.LocalDate;
import java.util.List;

/** The line manager recorded the guidance and support trajectory (R-RED-1). Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record GuidanceRecorded(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        LocalDate from,
        LocalDate to,
        List<String> actions) {

    public GuidanceRecorded {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
