package org.hrmobility.redeployment.employee;

import java.util.List;

import org.hrmobility.contracts.employee.Grade;

/** This service's copy of an employee's master data. */
public record Employee(String employeeId, String name, String entity, String grade, String lineManagerId, String jobFamily,
                       List<String> competences) {

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }
}
