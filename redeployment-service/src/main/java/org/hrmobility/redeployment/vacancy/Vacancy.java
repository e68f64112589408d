package org.hrmobility.redeployment.vacancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.contracts.redeployment.VacancyFilled;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;

/**
 * A vacancy published by a recruitment system, known here by that system's own id (R-RED-6): open until it is
 * withdrawn, filled by a placement, or past its closing date.
 */
public record Vacancy(String vacancyId, String recruitmentSystem, String title, String entity, String grade, String jobFamily,
                      List<String> competences, LocalDate closesOn, VacancyStatus status, UUID filledByCase, Instant publishedAt) {

    public enum VacancyStatus {
        OPEN, WITHDRAWN, FILLED
    }

    public Vacancy {
        competences = competences == null ? List.of() : List.copyOf(competences);
    }

    /** Open for offers on this day: neither withdrawn nor filled, and not past its closing date. */
    public boolean isOpenOn(LocalDate day) {
        return status == VacancyStatus.OPEN && (closesOn == null || !day.isAfter(closesOn));
    }

    public Grade parsedGrade() {
        return Grade.parse(grade);
    }

    public static Decision<Vacancy> publish(VacancyPublished p, Actor by, Instant now) {
        Vacancy v = new Vacancy(p.vacancyId(), p.recruitmentSystem(), p.title(), p.entity(), p.grade(), blankless(p.jobFamily()),
                p.competences(), p.closesOn(), VacancyStatus.OPEN, null, now);
        return new Decision<>(v, List.of(), by.did(now, "vacancy published: " + p.title() + " (" + p.grade() + ")", null));
    }

    /** A new version of an open vacancy from its recruitment system; a withdrawn or filled one stays as it is. */
    public Optional<Decision<Vacancy>> republish(VacancyPublished p, Actor by, Instant now) {
        if (status != VacancyStatus.OPEN) {
            return Optional.empty();
        }
        Vacancy v = new Vacancy(vacancyId, recruitmentSystem, p.title(), p.entity(), p.grade(), blankless(p.jobFamily()),
                p.competences(), p.closesOn(), status, filledByCase, publishedAt);
        return v.equals(this) ? Optional.empty()
                : Optional.of(new Decision<>(v, List.of(), by.did(now, "vacancy updated by its recruitment system", null)));
    }

    public Decision<Vacancy> withdraw(Actor by, Instant now) {
        requireOpen();
        return new Decision<>(with(VacancyStatus.WITHDRAWN, null), List.of(), by.did(now, "vacancy withdrawn", null));
    }

    /** R-RED-6: a placement fills the vacancy, and the recruitment system is told. */
    public Decision<Vacancy> fill(UUID caseId, String employeeId, boolean exOfficio, Actor by, Instant now) {
        if (status != VacancyStatus.OPEN) {
            throw new ConflictException("R-RED-6", "vacancy-not-open", "Vacancy not open",
                    "Vacancy " + vacancyId + " was filled or withdrawn meanwhile.");
        }
        return new Decision<>(with(VacancyStatus.FILLED, caseId), List.of(OutgoingEvent.of(RedeploymentEvents.VACANCY_FILLED,
                vacancyId, new VacancyFilled(vacancyId, recruitmentSystem, caseId.toString(), employeeId, exOfficio))),
                by.did(now, "filled by case " + caseId + (exOfficio ? ", ex officio" : ""), null));
    }

    private void requireOpen() {
        if (status != VacancyStatus.OPEN) {
            throw new ConflictException("vacancy-not-open", "Vacancy not open", "Vacancy " + vacancyId + " is " + status + ".");
        }
    }

    private Vacancy with(VacancyStatus newStatus, UUID filledBy) {
        return new Vacancy(vacancyId, recruitmentSystem, title, entity, grade, jobFamily, competences, closesOn, newStatus, filledBy,
                publishedAt);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
