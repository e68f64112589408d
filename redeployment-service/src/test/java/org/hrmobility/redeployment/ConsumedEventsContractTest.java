package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrmobility.contracts.EventExamples;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.recruitment.RecruitmentEvents;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The producers' checked-in examples of every event this service consumes carry what it relies on. */
class ConsumedEventsContractTest {

    @Test
    @DisplayName("EmployeeUpserted example: id, entity, grade, line manager, job family and competences for the copy and ranking")
    void employeeUpserted() {
        EmployeeUpserted e = EventExamples.payload(EmployeeEvents.EMPLOYEE_UPSERTED);

        assertThat(e.employeeId()).isNotBlank();
        assertThat(e.entity()).isNotBlank();
        assertThat(e.parsedGrade()).isNotNull();
        assertThat(e.lineManagerId()).isNotBlank();
        assertThat(e.jobFamily()).isNotBlank();
        assertThat(e.competences()).isNotEmpty();
    }

    @Test
    @DisplayName("VacancyPublished example: the recruitment system's id and system, title, entity, grade for offers and ranking")
    void vacancyPublished() {
        VacancyPublished v = EventExamples.payload(RecruitmentEvents.VACANCY_PUBLISHED);

        assertThat(v.vacancyId()).isNotBlank();
        assertThat(v.recruitmentSystem()).isNotBlank();
        assertThat(v.title()).isNotBlank();
        assertThat(v.entity()).isNotBlank();
        assertThat(v.grade()).matches("[NABCD][0-9]{0,2}");
    }
}
