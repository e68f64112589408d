package org.hrmobility.contracts.redeployment;

/**
 * An open offer ended without an answer and does not count as a refusal (R-COR-1, R-COR-2): cancelled as made in error
 * (cause CANCELLED), or ended because the case closed (CASE_CLOSED) or its vacancy was withdrawn (VACANCY_WITHDRAWN) or
 * filled elsewhere (VACANCY_FILLED). Carries the employee, their line manager and entity, so consumers can tell who must know.
 */
public record OfferWithdrawn(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String offerId,
        String vacancyId,
        String cause,
        String reason) {
}
