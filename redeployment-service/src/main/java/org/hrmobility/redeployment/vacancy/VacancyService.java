package org.hrmobility.redeployment.vacancy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.contracts.redeployment.VacancyFilled;
import org.hrmobility.kit.outbox.Outbox;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Vacancies of recruitment systems (R-RED-6): published idempotently on the system's own id, withdrawn, ranked
 * against the redeployment pool, and filled by a placement, which the recruitment system follows as an event.
 */
@Service
public class VacancyService {

    private final VacancyRepository vacancies;
    private final Outbox outbox;
    private final TransactionalOperator transactional;
    private final Clock clock;

    VacancyService(VacancyRepository vacancies, Outbox outbox, TransactionalOperator transactional, Clock clock) {
        this.vacancies = vacancies;
        this.outbox = outbox;
        this.transactional = transactional;
        this.clock = clock;
    }

    public record Published(Vacancy vacancy, boolean created) {
    }

    /** A recruitment system publishes as itself; a case handler may publish on a system's behalf. */
    Mono<Published> publish(VacancyPublished published, CurrentUser user) {
        if (user.has(Role.RECRUITMENT_SYSTEM) && !user.subject().equals(published.recruitmentSystem())) {
            return Mono.error(new ForbiddenException(null, "other-recruitment-system",
                    "Other recruitment system", "A recruitment system publishes its own vacancies only."));
        }
        return store(published).flatMap(created -> vacancies.find(published.vacancyId()).map(v -> new Published(v, created)));
    }

    /** From the topic or the API: new or changed open vacancies are stored; withdrawn and filled ones stay so. */
    Mono<Boolean> store(VacancyPublished p) {
        return vacancies.find(p.vacancyId())
                .flatMap(existing -> existing.recruitmentSystem().equals(p.recruitmentSystem()) ? Mono.just(existing)
                        : Mono.error(new ConflictException("vacancy-id-taken", "Vacancy id taken",
                        "Vacancy " + p.vacancyId() + " belongs to another recruitment system.")))
                .then(vacancies.upsert(new Vacancy(p.vacancyId(), p.recruitmentSystem(), p.title(), p.entity(), p.grade(),
                        p.jobFamily(), p.competences(), p.closesOn(), Vacancy.VacancyStatus.OPEN, null)));
    }

    Mono<Vacancy> withdraw(String vacancyId, CurrentUser user) {
        return visible(vacancyId, user)
                .flatMap(v -> vacancies.setStatus(vacancyId, Vacancy.VacancyStatus.OPEN, Vacancy.VacancyStatus.WITHDRAWN, null)
                        .flatMap(rows -> rows == 1 ? vacancies.find(vacancyId) : Mono.error(new ConflictException(
                                "vacancy-not-open", "Vacancy not open", "Vacancy " + vacancyId + " is " + v.status() + "."))));
    }

    Mono<List<CandidateRanking.Candidate>> candidates(String vacancyId, CurrentUser user) {
        return visible(vacancyId, user)
                .flatMap(v -> vacancies.pool().collectList().map(pool -> CandidateRanking.rank(v, pool, clock.instant())));
    }

    /** Recruitment systems see their own vacancies; case handlers all. */
    Mono<Vacancy> visible(String vacancyId, CurrentUser user) {
        return vacancies.find(vacancyId)
                .filter(v -> user.isCaseHandler() || user.has(Role.RECRUITMENT_SYSTEM) && v.recruitmentSystem().equals(user.subject()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("vacancy", vacancyId)));
    }

    /** Whether an offer may still name this vacancy; an unknown one is a 404. */
    public Mono<Vacancy> forOffer(String vacancyId) {
        return vacancies.find(vacancyId).switchIfEmpty(Mono.error(() -> new NotFoundException("vacancy", vacancyId)));
    }

    /** Called in the placement's transaction: marks the vacancy filled and tells the recruitment system. */
    public Mono<Void> fill(String vacancyId, UUID caseId, String employeeId, boolean exOfficio) {
        return vacancies.find(vacancyId)
                .flatMap(v -> vacancies.setStatus(vacancyId, Vacancy.VacancyStatus.OPEN, Vacancy.VacancyStatus.FILLED, caseId)
                        .flatMap(rows -> rows == 1 ? Mono.just(v) : Mono.error(new ConflictException("R-RED-6",
                                "vacancy-not-open", "Vacancy not open", "Vacancy " + vacancyId + " was filled or withdrawn meanwhile."))))
                .flatMap(v -> outbox.append(new OutgoingEvent<>(RedeploymentEvents.VACANCY_FILLED, vacancyId, vacancyId,
                        new VacancyFilled(vacancyId, v.recruitmentSystem(), caseId.toString(), employeeId, exOfficio))));
    }

    Mono<List<Vacancy>> list(Vacancy.VacancyStatus status, CurrentUser user) {
        return vacancies.findAll(status)
                .filter(v -> user.isCaseHandler() || v.recruitmentSystem().equals(user.subject()))
                .collectList();
    }

    Mono<Published> publishTransactionally(VacancyPublished published, CurrentUser user) {
        return transactional.transactional(publish(published, user));
    }
}
