package org.hrmobility.contracts.employee;

import java.util.List;
import java.util.Objects;

/**
 * Master data of one employee as the HR master-data system knows it now. Published on the compacted
 * {@code hrm.employees} topic keyed by employee id: the latest record per key is the truth.
 *
 * @param grade        e.g. {@code A2}; see {@link Grade}
 * @param lineManagerId absent for the top of an entity
 * @param language     the employee's language for notifications, {@code nl} or {@code en}; absent means {@code nl}
 * @param manager      whether the employee holds a management post (R-EVA-6: managers serve a probation); absent means
 *                     "as their reports show": someone master data names as a line manager is one
 */
public record EmployeeUpserted(
        String employeeId,
        String name,
        String email,
        String entity,
        String grade,
        ContractType contractType,
        String lineManagerId,
        String jobFamily,
        List<String> competences,
        String language,
        Boolean manager) {

    public EmployeeUpserted {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(grade, "grade");
        Grade.parse(grade);
        competences = competences == null ? List.of() : List.copyOf(competences);
    }

    /** Master data without the management flag (absent: as the reports show). */
    public EmployeeUpserted(String employeeId, String name, String email, String entity, String grade, ContractType contractType,
                            String lineManagerId, String jobFamily, List<String> competences, String language) {
        this(employeeId, name, email, entity, grade, contractType, lineManagerId, jobFamily, competences, language, null);
    }

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }

    public String languageOrDefault() {
        return language == null || language.isBlank() ? "nl" : language;
    }
}
