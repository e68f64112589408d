package org.hrmobility.redeployment.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.hrmobility.contracts.redeployment.EmployeePlaced;
import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.AuditEntry;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.hrmobility.redeployment.offer.OfferPolicy;
import org.hrmobility.redeployment.offer.Position;
import org.hrmobility.redeployment.offer.WithdrawalCause;
import org.hrmobility.redeployment.vacancy.VacancyClosings;
import org.hrmobility.redeployment.vacancy.VacancyService;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The use cases of a redeployment case, each one pass of the kit's decision loop: who may act (by today's master
 * data), what the case decides, and what else commits with it (a vacancy filled by a placement, and the other cases'
 * offers on it withdrawn).
 */
@Service
public class CaseService implements VacancyClosings {

    static final EnumSet<CaseStatus> ACTIVE = EnumSet.of(CaseStatus.OPENED, CaseStatus.IN_POOL, CaseStatus.INTERNAL_TRAJECTORY);

    private final Decisions decisions;
    private final VacancyService vacancies;
    private final AuditTrail audit;
    private final Clock clock;
    private final OfferPolicy policy;

    CaseService(Decisions decisions, VacancyService vacancies, AuditTrail audit, Clock clock, OfferPolicy policy) {
        this.decisions = decisions;
        this.vacancies = vacancies;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * The filters of the case list; null means any. {@code lineManagerId} by today's master data, {@code assignedTo} the
     * case handler responsible, {@code openedFrom}/{@code openedTo} Brussels days, both included.
     */
    record Search(CaseStatus status, String entity, String employeeId, String lineManagerId, String assignedTo,
                  LocalDate openedFrom, LocalDate openedTo, LocalDate nextDeadlineBefore) {
    }

    /** R-RED-1: the line manager (or their deputy) or a case handler registers someone; nobody registers themselves. */
    Mono<Stored<RedeploymentCase>> open(String employeeId, CurrentUser user) {
        if (employeeId.equals(user.employeeId())) {
            return Mono.error(new ForbiddenException("R-RED-1", "self-registration", "No self-registration",
                    "Employees cannot register themselves for redeployment; their line manager or HR does."));
        }
        return decisions.acting(user, employeeId, Permission.lineManagerOrCaseHandler(), null, "employee")
                .flatMap(acting -> decisions.store().count(Query.of(Cases.TYPE)
                                .where(Filter.eq("subject_id", employeeId), Filter.in("status", ACTIVE)))
                        .flatMap(active -> active > 0 ? Mono.error(Cases.alreadyActive())
                                : decisions.create(Cases.TYPE, RedeploymentCase.open(UUID.randomUUID(),
                                Cases.snapshot(acting.standing().subject()), acting.actor(), clock.instant()))));
    }

    /** R-RED-1: the line manager's trajectory; HR records it on the manager's behalf, with the reason (R-ACC-2). */
    Mono<Stored<RedeploymentCase>> recordGuidance(UUID id, Guidance guidance, String reason, CurrentUser user) {
        return decide(id, user, Permission.lineManager(), reason, (c, by) -> c.recordGuidance(guidance, by, clock.instant()));
    }

    Mono<Stored<RedeploymentCase>> decideAdmissibility(UUID id, boolean redeployable, String motivation, CurrentUser user) {
        return decide(id, user, Permission.caseHandler(), null,
                (c, by) -> c.decideAdmissibility(redeployable, motivation, by, clock.instant(), today()));
    }

    Mono<Stored<RedeploymentCase>> makeOffer(UUID id, Position inline, String vacancyId, CurrentUser user) {
        LocalDate today = today();
        Mono<OfferedPosition> offered = vacancyId == null ? Mono.just(new OfferedPosition(inline, true))
                : vacancies.forOffer(vacancyId).map(v -> new OfferedPosition(
                        new Position(v.title(), v.entity(), v.grade(), v.jobFamily(), v.vacancyId()), v.isOpenOn(today)));
        return offered.flatMap(o -> decisions.decide(Cases.TYPE, id, user, Permission.caseHandler(), null,
                (c, by) -> c.makeOffer(UUID.randomUUID(), o.position(), o.vacancyOpen(), by, clock.instant(), today, policy),
                this::fillVacancyOfPlacement));
    }

    Mono<Stored<RedeploymentCase>> accept(UUID id, UUID offerId, String reason, CurrentUser user) {
        return decisions.decide(Cases.TYPE, id, user, Permission.subject(), reason,
                (c, by) -> c.accept(offerId, by, reason, clock.instant(), today()), this::fillVacancyOfPlacement);
    }

    Mono<Stored<RedeploymentCase>> refuse(UUID id, UUID offerId, String reason, CurrentUser user) {
        return decide(id, user, Permission.subject(), reason, (c, by) -> c.refuse(offerId, by, reason, clock.instant(), today()));
    }

    Mono<Stored<RedeploymentCase>> close(UUID id, String reason, CurrentUser user) {
        return decide(id, user, Permission.caseHandler(), null, (c, by) -> c.close(reason, by, clock.instant(), today()));
    }

    /** R-COR-1: a case closed by mistake is reopened; another active case of the employee refuses it (409). */
    Mono<Stored<RedeploymentCase>> reopen(UUID id, String reason, CurrentUser user) {
        return decide(id, user, Permission.caseHandler(), null, (c, by) -> c.reopen(reason, by, clock.instant()));
    }

    /** R-COR-1: an offer made in error is cancelled; it does not count as a refusal. */
    Mono<Stored<RedeploymentCase>> cancelOffer(UUID id, UUID offerId, String reason, CurrentUser user) {
        return decide(id, user, Permission.caseHandler(), null, (c, by) -> c.cancelOffer(offerId, reason, by, clock.instant()));
    }

    Mono<Stored<RedeploymentCase>> get(UUID id, CurrentUser user) {
        return decisions.read(Cases.TYPE, id, user);
    }

    Mono<List<AuditEntry>> history(UUID id, CurrentUser user) {
        return decisions.read(Cases.TYPE, id, user).flatMap(c -> audit.of(Cases.TYPE.name(), id.toString()));
    }

    Mono<Page<Stored<RedeploymentCase>>> list(CurrentUser user, Search search, int page, int size) {
        return decisions.store().page(Query.of(Cases.TYPE)
                .where(Filter.eq("status", search.status()), Filter.eq("entity", search.entity()),
                        Filter.eq("subject_id", search.employeeId()), Filter.subjectManagedBy(search.lineManagerId()),
                        Filter.eq("assigned_to", search.assignedTo()),
                        Filter.atLeast("opened_at", CalendarDays.startOf(search.openedFrom())),
                        Filter.before("opened_at", CalendarDays.startOf(search.openedTo() == null ? null : search.openedTo().plusDays(1))),
                        Filter.before("next_deadline", search.nextDeadlineBefore()))
                .orderBy("opened_at", Query.Direction.DESC)
                .visibleTo(user), page, size);
    }

    /** A case handler takes the case ("my cases"), or it passes to another with a reason. */
    Mono<Stored<RedeploymentCase>> assign(UUID id, String handlerId, String reason, CurrentUser user) {
        return decisions.assign(Cases.TYPE, id, handlerId, reason, user, (c, by) -> c.assign(handlerId, reason, by, clock.instant()));
    }

    /** R-RED-5: expiries and reminders due by now, one case per transaction; returns how many cases changed. */
    public Mono<Long> applyDeadlines() {
        LocalDate today = today();
        return decisions.decideEachDue(Cases.TYPE, Query.of(Cases.TYPE).where(Filter.atMost("next_deadline",
                today.plus(policy.reminderBefore()))), current -> current.applyDeadline(clock.instant(), today, policy));
    }

    /** R-COR-2: a vacancy withdrawn (or closed) ends the open offers on it; they do not count as refusals. */
    @Override
    public Mono<Void> closed(String vacancyId) {
        return withdrawOffersOn(vacancyId, WithdrawalCause.VACANCY_WITHDRAWN, null);
    }

    private Mono<Stored<RedeploymentCase>> decide(UUID id, CurrentUser user, Permission permission, String reason,
                                                  BiFunction<RedeploymentCase, Actor, Decision<RedeploymentCase>> decision) {
        return decisions.decide(Cases.TYPE, id, user, permission, reason, decision);
    }

    /** R-RED-6: a placement on a vacancy fills it, and the other cases' offers on it end (R-COR-2). */
    private Mono<Void> fillVacancyOfPlacement(Decision<RedeploymentCase> d, Stored<RedeploymentCase> saved) {
        return Flux.fromIterable(d.events()).map(OutgoingEvent::payload).ofType(EmployeePlaced.class)
                .filter(placed -> placed.vacancyId() != null)
                .concatMap(placed -> vacancies.fill(placed.vacancyId(), saved.value().id(), placed.employeeId(), placed.exOfficio())
                        .then(withdrawOffersOn(placed.vacancyId(), WithdrawalCause.VACANCY_FILLED, saved.value().id())))
                .then();
    }

    private Mono<Void> withdrawOffersOn(String vacancyId, WithdrawalCause cause, UUID exceptCase) {
        return decisions.store().list(Query.of(Cases.TYPE).where(Filter.eq("open_vacancy_id", vacancyId)), 10_000)
                .filter(c -> !c.value().id().equals(exceptCase))
                .concatMap(c -> decisions.decideAsSystem(Cases.TYPE, c.value().id(),
                        current -> current.vacancyGone(vacancyId, cause, clock.instant(), today())))
                .then();
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }

    /** The position of an offer, and whether its vacancy (if any) is still open (R-RED-6). */
    private record OfferedPosition(Position position, boolean vacancyOpen) {
    }
}
