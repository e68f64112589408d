package org.hrmobility.kit.employee;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrmobility.contracts.EventExamples;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The master-data system's checked-in example carries what every service's directory relies on. */
class EmployeeDirectoryContractTest {

    @Test
    @DisplayName("EmployeeUpserted example: id, entity, grade, contract type, line manager, job family, competences, language")
    void employeeUpserted() {
        EmployeeUpserted e = EventExamples.payload(EmployeeEvents.EMPLOYEE_UPSERTED);

        assertThat(e.employeeId()).isNotBlank();
        assertThat(e.entity()).isNotBlank();
        assertThat(e.parsedGrade()).isNotNull();
        assertThat(e.contractType()).isNotNull();
        assertThat(e.lineManagerId()).isNotBlank();
        assertThat(e.jobFamily()).isNotBlank();
        assertThat(e.competences()).isNotEmpty();
        assertThat(e.languageOrDefault()).isIn("nl", "en");
    }
}
