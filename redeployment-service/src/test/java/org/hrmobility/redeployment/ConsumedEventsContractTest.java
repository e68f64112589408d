package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrmobility.contracts.EventExamples;
import org.hrmobility.contracts.recruitment.RecruitmentEvents;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The producers' checked-in examples of the events this service consumes itself carry what it relies on (master data: the kit's test). */
class ConsumedEventsContractTest {

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
