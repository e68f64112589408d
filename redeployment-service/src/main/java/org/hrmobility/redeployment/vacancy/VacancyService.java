package org.hrmobility.redeployment.vacancy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.recruitment.VacancyPublished;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Vacancies of recruitment systems (R-RED-6): published idempotently on the system's own id, withdrawn (ending the
 * offers on them, R-COR-2), ranked against the redeployment pool, and filled by a placement, which the recruitment
 * system follows as an event.
 */
@Service
public class VacancyService {

    private final Decisions decisions;
    private final ObjectProvider<VacancyClosings> closings;
    private final ObjectProvider<Pool> pool;
    private final Clock clock;

    VacancyService(Decisions decisions, ObjectProvider<VacancyClosings> closings, ObjectProvider<Pool> pool, Clock clock) {
        this.decisions = decisions;
        this.closings = closings;
        this.pool = pool;
        this.clock = clock;
    }

    public record Published(Stored<Vacancy> vacancy, boolean created) {
    }

    /** A recruitment system publishes as itself; a case handler may publish on a system's behalf. */
    Mono<Published> publish(VacancyPublished published, CurrentUser user) {
        if (user.has(Role.RECRUITMENT_SYSTEM) && !user.subject().equals(published.recruitmentSystem())) {
            return Mono.error(new ForbiddenException(null, "other-recruitment-system",
                    "Other recruitment system", "A recruitment system publishes its own vacancies only."));
        }
        return decisions.inTransaction(store(published, new Actor(user.subject(), user.employeeId())));
    }

    /** From the topic or the API: new or changed open vacancies are stored; withdrawn and filled ones stay so. */
    Mono<Published> store(VacancyPublished p, Actor by) {
        return decisions.store().find(Vacancies.TYPE, p.vacancyId())
                .flatMap(existing -> {
                    if (!existing.value().recruitmentSystem().equals(p.recruitmentSystem())) {
                        return Mono.error(new ConflictException("vacancy-id-taken", "Vacancy id taken",
                                "Vacancy " + p.vacancyId() + " belongs to another recruitment system."));
                    }
                    return decisions.decideAsSystem(Vacancies.TYPE, p.vacancyId(), v -> v.republish(p, by, clock.instant()))
                            .defaultIfEmpty(existing)
                            .map(v -> new Published(v, false));
                })
                .switchIfEmpty(Mono.defer(() -> decisions.create(Vacancies.TYPE, Vacancy.publish(p, by, clock.instant()))
                        .map(v -> new Published(v, true))));
    }

    /** R-COR-2: a withdrawn vacancy takes the open offers on it with it; they do not count as refusals. */
    Mono<Stored<Vacancy>> withdraw(String vacancyId, CurrentUser user) {
        Actor by = new Actor(user.subject(), user.employeeId());
        return decisions.inTransaction(visible(vacancyId, user)
                .then(decisions.decideAsSystem(Vacancies.TYPE, vacancyId, v -> Optional.of(v.withdraw(by, clock.instant())),
                        (d, saved) -> Flux.fromStream(closings.orderedStream()).concatMap(c -> c.closed(vacancyId)).then())));
    }

    Mono<List<CandidateRanking.Candidate>> candidates(String vacancyId, CurrentUser user) {
        return visible(vacancyId, user).flatMap(v -> pool.getObject().members().collectList()
                .map(members -> CandidateRanking.rank(v.value(), members, clock.instant())));
    }

    /** Recruitment systems see their own vacancies; case handlers all. */
    Mono<Stored<Vacancy>> visible(String vacancyId, CurrentUser user) {
        return decisions.read(Vacancies.TYPE, vacancyId, user)
                .filter(v -> user.isCaseHandler() || user.has(Role.RECRUITMENT_SYSTEM) && v.value().recruitmentSystem().equals(user.subject()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("vacancy", vacancyId)));
    }

    /** Whether an offer may still name this vacancy; an unknown one is a 404. */
    public Mono<Vacancy> forOffer(String vacancyId) {
        return decisions.store().find(Vacancies.TYPE, vacancyId).map(Stored::value)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("vacancy", vacancyId)));
    }

    /** Called in the placement's transaction: marks the vacancy filled and tells the recruitment system. */
    public Mono<Void> fill(String vacancyId, UUID caseId, String employeeId, boolean exOfficio) {
        return decisions.decideAsSystem(Vacancies.TYPE, vacancyId,
                v -> Optional.of(v.fill(caseId, employeeId, exOfficio, Actor.SYSTEM, clock.instant()))).then();
    }

    Mono<Page<Stored<Vacancy>>> list(Vacancy.VacancyStatus status, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Vacancies.TYPE)
                .where(Filter.eq("status", status),
                        Filter.eq("recruitment_system", user.isCaseHandler() ? null : user.subject()))
                .orderBy("published_at", Query.Direction.DESC), page, size);
    }
}
