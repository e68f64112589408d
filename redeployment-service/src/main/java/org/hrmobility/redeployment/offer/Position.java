package org.hrmobility.redeployment.offer;

import org.hrmobility.contracts.employee.Grade;

/** A position offered: from a vacancy ({@code vacancyId} set) or described inline. */
public record Position(String title, String entity, String grade, String jobFamily, String vacancyId) {

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }
}
