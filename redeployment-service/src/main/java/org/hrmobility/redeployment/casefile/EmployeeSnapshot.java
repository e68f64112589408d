package org.hrmobility.redeployment.casefile;

import org.hrmobility.contracts.employee.Grade;

/** The employee a case is about, as master data knew them when the case was opened. */
public record EmployeeSnapshot(String employeeId, String name, String entity, String grade, String lineManagerId,
                               String jobFamily) {

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }
}
