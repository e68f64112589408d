package org.hrmobility.contracts.redeployment;

/** The case was closed. Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record CaseClosed(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String reason) {
}
