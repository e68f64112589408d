package org.hrmobility.redeployment.vacancy;

import org.hrmobility.kit.access.Readers;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/**
 * How vacancies are kept: table {@code vacancy}, id the recruitment system's own. Who sees one is the recruitment
 * system that published it and HR, decided by {@link VacancyService} on the {@code recruitment_system} column.
 */
final class Vacancies {

    static final AggregateType<Vacancy> TYPE = AggregateType.builder("vacancy", "vacancy", Vacancy.class)
            .id(Vacancy::vacancyId)
            .readers(Readers.EVERYONE)
            .column(Column.text("recruitment_system", Vacancy::recruitmentSystem))
            .column(Column.name("status", Vacancy::status))
            .column(Column.text("entity", Vacancy::entity))
            .column(Column.text("grade", Vacancy::grade))
            .column(Column.date("closes_on", Vacancy::closesOn))
            .column(Column.instant("published_at", Vacancy::publishedAt))
            .column(Column.uuid("filled_by_case", Vacancy::filledByCase))
            .build();

    private Vacancies() {
    }
}
