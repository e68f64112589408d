package org.hrmobility.kit.employee;

import java.util.List;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.Grade;

/**
 * A service's copy of one employee's master data.
 *
 * @param manager whether master data says they hold a management post; null when it does not say
 */
public record Employee(String employeeId, String name, String email, String entity, String grade, ContractType contractType,
                       String lineManagerId, String jobFamily, List<String> competences, String language, Boolean manager) {

    public Employee {
        competences = competences == null ? List.of() : List.copyOf(competences);
    }

    public Employee(String employeeId, String name, String email, String entity, String grade, ContractType contractType,
                    String lineManagerId, String jobFamily, List<String> competences, String language) {
        this(employeeId, name, email, entity, grade, contractType, lineManagerId, jobFamily, competences, language, null);
    }

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }
}
