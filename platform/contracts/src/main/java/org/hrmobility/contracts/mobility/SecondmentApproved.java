package org.hrmobility.contracts.mobility;

import java.time.LocalDate;

/**
 * The host confirmed the secondment: it is approved until its start date, then active (R-MOB-6), with the central share of the salary cost for its period when the host does not bear it.
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentApproved(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        String host,
        LocalDate startsOn,
        LocalDate endsOn,
        long centralShareCents) {
}
