package org.hrmobility.kit.employee;

import java.util.List;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.Grade;

/** A service's copy of one employee's master data. */
public record Employee(String employeeId, String name, String email, String entity, String grade, ContractType contractType,
                       String lineManagerId, String jobFamily, List<String> competences, String language) {

    public Employee {
        competences = competences == null ? List.of() : List.copyOf(competences);
    }

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }
}
