package org.hrmobility.redeployment.vacancy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;

/** A vacancy published by a recruitment system, known here by that system's own id. */
public record Vacancy(String vacancyId, String recruitmentSystem, String title, String entity, String grade, String jobFamily,
                      List<String> competences, LocalDate closesOn, VacancyStatus status, UUID filledByCase) {

    public enum VacancyStatus {
        OPEN, WITHDRAWN, FILLED
    }

    public boolean isOpen() {
        return status == VacancyStatus.OPEN;
    }

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }
}
