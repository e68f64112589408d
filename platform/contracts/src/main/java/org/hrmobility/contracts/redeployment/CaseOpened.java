package org.hrmobility.contracts.redeployment;

import java.time.Instant;

/** A redeployment case was opened for an employee. Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record CaseOpened(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String openedBy,
        Instant openedAt) {
}
