package org.hrmobility.evaluation.file;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.AuditEntry;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Use cases on an employee's evaluation file, each one pass of the kit's decision loop; the file is created with its
 * first decision. An evaluation at the end of a probation also ends the probation (R-EVA-6), in the same transaction.
 */
@Service
public class EvaluationService {


    private final Decisions decisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectProvider<RecordedEvaluations> recorded;

    EvaluationService(Decisions decisions, AuditTrail audit, Clock clock, ObjectProvider<RecordedEvaluations> recorded) {
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
        this.recorded = recorded;
    }

    /** The filters of the follow-up list. */
    record Search(EvaluationFile.State state, String entity, LocalDate nextBefore) {
    }

    /**
     * R-EVA-1: the line manager records their reports' evaluations; their deputy as such (R-ACC-3), HR on their behalf
     * with a reason (R-ACC-2); nobody on their own file.
     */
    Mono<Evaluation> record(String employeeId, Function<Actor, Evaluation> evaluation, String reason, CurrentUser user) {
        return onFile(employeeId, user, Permission.lineManager(), reason,
                (file, by) -> file.record(evaluation.apply(by), by, clock.instant(), today()),
                (d, saved) -> Flux.fromStream(recorded.orderedStream())
                        .concatMap(r -> r.recorded(employeeId, saved.value().latest().orElseThrow(), d.decidedBy()))
                        .then())
                .map(file -> file.value().latest().orElseThrow());
    }

    Mono<Stored<EvaluationFile>> recordGuidanceAction(String employeeId, String action, String reason, CurrentUser user) {
        return onFile(employeeId, user, Permission.lineManager(), reason,
                (file, by) -> file.recordGuidanceAction(action, by, clock.instant()), none());
    }

    Mono<Stored<EvaluationFile>> decideProposal(String employeeId, boolean dismissed, String motivation, CurrentUser user) {
        return onFile(employeeId, user, Permission.caseHandler(), null,
                (file, by) -> file.decideProposal(dismissed, motivation, by, clock.instant()), none());
    }

    Mono<Stored<EvaluationFile>> recordContractualDismissal(String employeeId, LocalDate effectiveOn, String reason, CurrentUser user) {
        return onFile(employeeId, user, Permission.caseHandler(), null,
                (file, by) -> file.recordContractualDismissal(effectiveOn, reason, by, clock.instant()), none());
    }

    /**
     * R-COR-1: HR corrects an evaluation; the follow-up is recomputed from the corrected sequence, and a probation it
     * closes (or now closes) with it, in the same transaction.
     */
    Mono<Stored<EvaluationFile>> correct(UUID evaluationId, Rating rating, LocalDate periodFrom, LocalDate periodTo,
                                         LocalDate evaluatedOn, String reason, CurrentUser user) {
        return fileOf(evaluationId, user).flatMap(file -> decisions.decide(Files.TYPE, file.value().employeeId(), user,
                Permission.caseHandler(), reason, (f, by) -> f.correct(evaluationId, rating, periodFrom, periodTo, evaluatedOn, reason,
                        by, clock.instant(), today()),
                (d, saved) -> Flux.fromStream(recorded.orderedStream())
                        .concatMap(r -> r.corrected(saved.value().employeeId(), saved.value().evaluations(), reason, d.decidedBy()))
                        .then()));
    }

    Mono<List<Evaluation>> list(String employeeId, CurrentUser user) {
        return file(employeeId, user).map(f -> f.value().evaluations());
    }

    Mono<Evaluation> get(UUID evaluationId, CurrentUser user) {
        return fileOf(evaluationId, user).map(f -> f.value().evaluation(evaluationId).orElseThrow());
    }

    /** The employee's file, or an empty one for an employee without evaluations yet (404 if not visible). */
    Mono<Stored<EvaluationFile>> file(String employeeId, CurrentUser user) {
        return decisions.store().find(Files.TYPE, employeeId).hasElement().flatMap(exists -> exists
                ? decisions.read(Files.TYPE, employeeId, user)
                : decisions.seeing(user, employeeId, "employee").map(s -> new Stored<>(EvaluationFile.empty(employeeId,
                        s.subject().lineManagerId(), s.subject().entity(), s.subject().contractType()), 0)));
    }

    Mono<List<AuditEntry>> history(String employeeId, CurrentUser user) {
        return file(employeeId, user).flatMap(f -> audit.of(Files.TYPE.name(), employeeId));
    }

    Mono<Page<Stored<EvaluationFile>>> followUps(Search search, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Files.TYPE)
                .where(Filter.eq("state", search.state()), Filter.eq("entity", search.entity()),
                        Filter.before("earliest_next", search.nextBefore()))
                .orderBy("updated_at", Query.Direction.DESC)
                .visibleTo(user), page, size);
    }

    /** R-EVA-3: follow-up reminders due by today, one file per transaction; returns how many were sent. */
    public Mono<Long> sendReminders() {
        LocalDate today = today();
        return decisions.decideEachDue(Files.TYPE, Query.of(Files.TYPE).where(Filter.atMost("reminder_due", today)),
                current -> current.remindIfDue(today, clock.instant()));
    }

    private Mono<Stored<EvaluationFile>> fileOf(UUID evaluationId, CurrentUser user) {
        return decisions.store().list(Query.of(Files.TYPE).where(Filter.overlaps("evaluation_ids", List.of(evaluationId.toString()))), 1)
                .next()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("evaluation", evaluationId)))
                .flatMap(f -> decisions.read(Files.TYPE, f.value().employeeId(), user))
                .onErrorMap(NotFoundException.class, e -> new NotFoundException("evaluation", evaluationId));
    }

    /** A decision on the employee's file, which its first decision creates. */
    private Mono<Stored<EvaluationFile>> onFile(String employeeId, CurrentUser user, Permission permission, String reason,
                                                BiFunction<EvaluationFile, Actor, Decision<EvaluationFile>> decision,
                                                Decisions.AfterSave<EvaluationFile> also) {
        return decisions.inTransaction(decisions.store().find(Files.TYPE, employeeId).hasElement().flatMap(exists -> exists
                ? decisions.decide(Files.TYPE, employeeId, user, permission, reason, decision, also)
                : decisions.acting(user, employeeId, permission, reason, "employee").flatMap(acting -> {
                    EvaluationFile empty = Files.TYPE.refreshed(EvaluationFile.empty(employeeId, null, null, null),
                            acting.standing().subject());
                    return decisions.create(Files.TYPE, decision.apply(empty, acting.actor()), also);
                })));
    }

    private static <T> Decisions.AfterSave<T> none() {
        return (d, saved) -> Mono.empty();
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }
}
