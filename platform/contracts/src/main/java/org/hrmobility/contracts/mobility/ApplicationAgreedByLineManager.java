package org.hrmobility.contracts.mobility;

/**
 * The line manager agreed to an application; the host's green light comes next (R-MOB-5).
 * Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record ApplicationAgreedByLineManager(
        String employeeId,
        String lineManagerId,
        String entity,
        String applicationId,
        String host) {
}
