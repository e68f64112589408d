package org.hrmobility.contracts.redeployment;

/** A case closed by mistake was reopened, with the reason, in the state it was closed from (R-COR-1). Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record CaseReopened(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String status,
        String reason) {
}
