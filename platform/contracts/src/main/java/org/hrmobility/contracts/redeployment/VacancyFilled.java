package org.hrmobility.contracts.redeployment;

/**
 * A vacancy of a recruitment system was filled by placing an employee from the redeployment pool (R-RED-6).
 * Keyed by the vacancy: the recruitment system follows its vacancies by its own id.
 */
public record VacancyFilled(
        String vacancyId,
        String recruitmentSystem,
        String caseId,
        String employeeId,
        boolean exOfficio) {
}
