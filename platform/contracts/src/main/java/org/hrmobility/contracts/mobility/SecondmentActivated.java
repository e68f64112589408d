package org.hrmobility.contracts.mobility;

/**
 * The secondment started: it is active from its start date, with the central compensation of half the salary cost (a year's, and its
 * period's) when the host does not bear it (R-MOB-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentActivated(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId,
        String host,
        long centralCompensationCents,
        long centralShareCents) {
}
