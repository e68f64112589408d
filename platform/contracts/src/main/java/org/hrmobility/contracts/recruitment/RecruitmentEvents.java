package org.hrmobility.contracts.recruitment;

import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;

/** Events of recruitment systems, on {@code hrm.recruitment.vacancies}. */
public final class RecruitmentEvents {

    public static final String CONTEXT = "recruitment";

    public static final EventType<VacancyPublished> VACANCY_PUBLISHED =
            EventType.of(CONTEXT, "VacancyPublished", 1, Topics.RECRUITMENT_VACANCIES, VacancyPublished.class);

    public static final List<EventType<?>> ALL = List.of(VACANCY_PUBLISHED);

    private RecruitmentEvents() {
    }
}
