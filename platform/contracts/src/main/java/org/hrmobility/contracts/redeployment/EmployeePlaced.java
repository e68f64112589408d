package org.hrmobility.contracts.redeployment;

/** The employee was placed: by accepting an offer, or ex officio on the third (R-RED-4). Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record EmployeePlaced(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        String title,
        String positionEntity,
        String grade,
        String vacancyId,
        boolean exOfficio) {
}
