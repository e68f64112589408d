package org.hrmobility.contracts.recruitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.hrmobility.contracts.employee.Grade;

/**
 * A recruitment system (e.g. Jobpunt Vlaanderen) opened a vacancy, or changed an open one. Keyed by
 * {@code vacancyId}, the recruitment system's own id, so publishing the same vacancy again is an update.
 */
public record VacancyPublished(
        String vacancyId,
        String recruitmentSystem,
        String title,
        String entity,
        String grade,
        String jobFamily,
        List<String> competences,
        LocalDate closesOn) {

    public VacancyPublished {
        Objects.requireNonNull(vacancyId, "vacancyId");
        Objects.requireNonNull(recruitmentSystem, "recruitmentSystem");
        Objects.requireNonNull(grade, "grade");
        Grade.parse(grade);
        competences = competences == null ? List.of() : List.copyOf(competences);
    }
}
