package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * A secondment to a host institution was requested (R-MOB-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentRequested(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        String host,
        String hostType,
        String reason,
        LocalDate startsOn,
        LocalDate endsOn) {
}
