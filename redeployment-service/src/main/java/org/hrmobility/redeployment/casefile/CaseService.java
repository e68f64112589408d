package org.hrmobility.redeployment.casefile;

import org.hrmobility.kit.decision.CalendarDays;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.audit.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.hrmobility.contracts.redeployment.EmployeePlaced;
import org.hrmobility.kit.audit.AuditEntry;
import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.decision.DecisionLog;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.redeployment.offer.OfferPolicy;
import org.hrmobility.redeployment.offer.Position;
import org.hrmobility.redeployment.vacancy.VacancyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The use cases of a redeployment case. Each runs in one transaction: read the case, check who may do this,
 * let the case decide, then save it (refused if someone else saved it meanwhile), its history line and its
 * events together.
 */
@Service
public class CaseService {

    static final String AUDIT_TYPE = "redeployment-case";

    private final CaseRepository cases;
    private final EmployeeDirectory employees;
    private final VacancyService vacancies;
    private final DecisionLog log;
    private final AuditTrail audit;
    private final TransactionalOperator transactional;
    private final Clock clock;
    private final OfferPolicy policy;

    CaseService(CaseRepository cases, EmployeeDirectory employees, VacancyService vacancies, DecisionLog log,
                AuditTrail audit, TransactionalOperator transactional, Clock clock, OfferPolicy policy) {
        this.cases = cases;
        this.employees = employees;
        this.vacancies = vacancies;
        this.log = log;
        this.audit = audit;
        this.transactional = transactional;
        this.clock = clock;
        this.policy = policy;
    }

    /** The position of an offer, and whether its vacancy (if any) is still open (R-RED-6). */
    private record OfferedPosition(Position position, boolean vacancyOpen) {
    }

    /** R-RED-1: the line manager or a case handler registers someone; nobody registers themselves. */
    Mono<RedeploymentCase> open(String employeeId, CurrentUser user) {
        if (employeeId.equals(user.employeeId())) {
            return Mono.error(new ForbiddenException("R-RED-1", "self-registration", "No self-registration",
                    "Employees cannot register themselves for redeployment; their line manager or HR does."));
        }
        return employees.find(employeeId)
                .filter(e -> AccessPolicy.mayActFor(user, new AccessPolicy.Owner(e.employeeId(), e.lineManagerId())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("employee", employeeId)))
                .flatMap(e -> {
                    Decision<RedeploymentCase> opened = RedeploymentCase.open(UUID.randomUUID(), snapshot(e), actor(user), clock.instant());
                    return transactional.transactional(cases.insert(opened.next())
                            .then(log.record(AUDIT_TYPE, opened.next().id().toString(), opened))
                            .thenReturn(opened.next()));
                });
    }

    Mono<RedeploymentCase> recordGuidance(UUID id, Guidance guidance, CurrentUser user) {
        return decide(id, user, Access.lineManagerOrCaseHandler(), c -> c.recordGuidance(guidance, actor(user), clock.instant()));
    }

    Mono<RedeploymentCase> decideAdmissibility(UUID id, boolean redeployable, String motivation, CurrentUser user) {
        return decide(id, user, Access.caseHandler(),
                c -> c.decideAdmissibility(redeployable, motivation, actor(user), clock.instant(), today()));
    }

    Mono<RedeploymentCase> makeOffer(UUID id, Position inline, String vacancyId, CurrentUser user) {
        Mono<OfferedPosition> offered = vacancyId == null ? Mono.just(new OfferedPosition(inline, true))
                : vacancies.forOffer(vacancyId).map(v -> new OfferedPosition(
                        new Position(v.title(), v.entity(), v.grade(), v.jobFamily(), v.vacancyId()), v.isOpen()));
        return offered.flatMap(o -> decide(id, user, Access.caseHandler(),
                c -> c.makeOffer(UUID.randomUUID(), o.position(), o.vacancyOpen(), actor(user), clock.instant(), today(), policy)));
    }

    Mono<RedeploymentCase> accept(UUID id, UUID offerId, String reason, CurrentUser user) {
        return decide(id, user, Access.employeeOrCaseHandlerGiving(reason),
                c -> c.accept(offerId, actor(user), reason, clock.instant()));
    }

    Mono<RedeploymentCase> refuse(UUID id, UUID offerId, String reason, CurrentUser user) {
        return decide(id, user, Access.employeeOrCaseHandlerGiving(reason),
                c -> c.refuse(offerId, actor(user), reason, !user.employeeIdIs(c.employee().employeeId()), clock.instant()));
    }

    Mono<RedeploymentCase> close(UUID id, String reason, CurrentUser user) {
        return decide(id, user, Access.caseHandler(), c -> c.close(reason, actor(user), clock.instant()));
    }

    Mono<RedeploymentCase> get(UUID id, CurrentUser user) {
        return visible(id, user);
    }

    Mono<List<AuditEntry>> history(UUID id, CurrentUser user) {
        return visible(id, user).flatMap(c -> audit.of(AUDIT_TYPE, id.toString()));
    }

    Flux<RedeploymentCase> list(CurrentUser user, CaseStatus status, int page, int size) {
        return cases.findVisible(user, status, page, size);
    }

    Mono<Long> count(CurrentUser user, CaseStatus status) {
        return cases.countVisible(user, status);
    }

    /** R-RED-5: expiries and reminders due by now, one case per transaction; returns how many cases changed. */
    public Mono<Long> applyDeadlines() {
        LocalDate today = today();
        return cases.withDeadlineBy(today.plus(policy.reminderBefore()))
                .concatMap(id -> transactional.transactional(cases.find(id)
                        .flatMap(c -> c.applyDeadline(clock.instant(), today, policy).map(d -> save(d)).orElse(Mono.empty()))))
                .count();
    }

    private Mono<RedeploymentCase> decide(UUID id, CurrentUser user, Access access, Function<RedeploymentCase, Decision<RedeploymentCase>> decision) {
        return transactional.transactional(visible(id, user)
                .doOnNext(c -> access.check(user, c))
                .flatMap(c -> save(decision.apply(c))));
    }

    private Mono<RedeploymentCase> save(Decision<RedeploymentCase> d) {
        RedeploymentCase next = d.next();
        return cases.update(next)
                .then(log.record(AUDIT_TYPE, next.id().toString(), d))
                .then(Flux.fromIterable(d.events()).map(OutgoingEvent::payload).ofType(EmployeePlaced.class)
                        .filter(placed -> placed.vacancyId() != null)
                        .concatMap(placed -> vacancies.fill(placed.vacancyId(), next.id(), placed.employeeId(), placed.exOfficio()))
                        .then())
                .thenReturn(next.withVersion(next.version() + 1));
    }

    private Mono<RedeploymentCase> visible(UUID id, CurrentUser user) {
        return cases.find(id)
                .filter(c -> AccessPolicy.maySee(user, new AccessPolicy.Owner(c.employee().employeeId(), c.employee().lineManagerId())))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("case", id)));
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }

    private static Actor actor(CurrentUser user) {
        return Actor.of(user);
    }

    private static EmployeeSnapshot snapshot(Employee e) {
        return new EmployeeSnapshot(e.employeeId(), e.name(), e.entity(), e.grade(), e.lineManagerId(), e.jobFamily());
    }
}
