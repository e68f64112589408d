package org.hrmobility.evaluation.probation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.evaluation.file.Evaluation;
import org.hrmobility.evaluation.file.RecordedEvaluations;
import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** R-EVA-6: HR starts a manager's probation; the evaluation held at its end ends it with its outcome. */
@Service
class ProbationService implements RecordedEvaluations {

    /** More probations than one person serves in a career; a bound for the list, not a rule. */
    private static final int MAX_PROBATIONS = 100;

    private final Decisions decisions;
    private final EmployeeDirectory employees;
    private final Clock clock;

    ProbationService(Decisions decisions, EmployeeDirectory employees, Clock clock) {
        this.decisions = decisions;
        this.employees = employees;
        this.clock = clock;
    }

    Mono<Stored<Probation>> start(String employeeId, LocalDate startsOn, int months, CurrentUser user) {
        return decisions.acting(user, employeeId, Permission.caseHandler(), null, "employee")
                .flatMap(acting -> employees.isManager(employeeId).flatMap(manager -> decisions.create(Probations.TYPE,
                        Probation.start(UUID.randomUUID(), employeeId, acting.standing().managerId(),
                                acting.standing().subject().entity(), manager, startsOn, months, acting.actor(), clock.instant()))));
    }

    Mono<Stored<Probation>> get(UUID id, CurrentUser user) {
        return decisions.read(Probations.TYPE, id, user);
    }

    Mono<Page<Stored<Probation>>> list(Boolean active, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Probations.TYPE).where(Filter.eq("active", active))
                .orderBy("ends_on", Query.Direction.ASC).visibleTo(user), page, size);
    }

    /** R-EVA-6: the evaluation held from a month before the end ends the active probation. */
    @Override
    public Mono<Void> recorded(String employeeId, Evaluation evaluation, Actor by) {
        return decisions.store().list(Query.of(Probations.TYPE).where(Filter.eq("subject_id", employeeId), Filter.eq("active", true)), 1)
                .concatMap(p -> decisions.decideAsSystem(Probations.TYPE, p.value().id(),
                        current -> current.endWith(evaluation, by, clock.instant())))
                .then();
    }

    /**
     * R-COR-1 on R-EVA-6: every probation of the employee as the corrected evaluations now end it ({@link
     * ProbationSequence}). A clash with a probation started meanwhile is refused like any other second run.
     */
    @Override
    public Mono<Void> corrected(String employeeId, List<Evaluation> evaluations, String reason, Actor by) {
        return decisions.store().list(Query.of(Probations.TYPE).where(Filter.eq("subject_id", employeeId)), MAX_PROBATIONS)
                .map(Stored::value).collectList().map(ProbationSequence::new)
                .flatMapMany(sequence -> Flux.fromIterable(sequence.probations()).concatMap(p -> decisions.decideAsSystem(
                        Probations.TYPE, p.id(), current -> sequence.reassess(current, evaluations, reason, by, clock.instant()))
                        .onErrorMap(e -> e instanceof ConflictException c && "probation-running".equals(c.slug()),
                                e -> ProbationSequence.runningTwice(p))))
                .then();
    }

    /** R-EVA-6: end-of-probation reminders due by today; returns how many were sent. */
    Mono<Long> sendReminders() {
        LocalDate today = CalendarDays.today(clock);
        return decisions.decideEachDue(Probations.TYPE, Query.of(Probations.TYPE).where(Filter.atMost("reminder_due", today)),
                current -> current.remindIfDue(today, clock.instant()));
    }
}
