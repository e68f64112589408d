package org.hrmobility.contracts.mobility;

/**
 * The line manager agreed to a secondment; the host confirms next (R-MOB-6).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record SecondmentAgreedByLineManager(
        String employeeId,
        String lineManagerId,
        String entity,
        String secondmentId) {
}
