package org.hrmobility.evaluation.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.hrmobility.evaluation.probation.Probation;
import org.hrmobility.evaluation.probation.ProbationRepository;
import org.hrmobility.kit.decision.CalendarDays;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.decision.DecisionLog;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.audit.AuditEntry;
import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Use cases on an employee's evaluations, each in one transaction: the file, its history line and its events;
 * an evaluation at the end of a probation also ends the probation (R-EVA-6).
 */
@Service
public class EvaluationService {

    static final String AUDIT_TYPE = "evaluation-file";

    private final EvaluationRepository files;
    private final ProbationRepository probations;
    private final EmployeeDirectory employees;
    private final DecisionLog log;
    private final AuditTrail audit;
    private final TransactionalOperator transactional;
    private final Clock clock;

    EvaluationService(EvaluationRepository files, ProbationRepository probations, EmployeeDirectory employees, DecisionLog log,
                      AuditTrail audit, TransactionalOperator transactional, Clock clock) {
        this.files = files;
        this.probations = probations;
        this.employees = employees;
        this.log = log;
        this.audit = audit;
        this.transactional = transactional;
        this.clock = clock;
    }

    /** The line manager records their reports' evaluations; case handlers anyone's. */
    Mono<Evaluation> record(String employeeId, Function<Actor, Evaluation> evaluation, CurrentUser user) {
        Actor by = actor(user);
        Evaluation recorded = evaluation.apply(by);
        return transactional.transactional(actingOn(employeeId, user, false)
                .flatMap(employee -> fileOf(employee)
                        .flatMap(file -> save(file.record(recorded, by, clock.instant())))
                        .then(probations.findActive(employeeId)
                                .flatMap(p -> p.endWith(recorded.evaluatedOn(), recorded.rating(), by, clock.instant())
                                        .map(this::saveProbation).orElse(Mono.empty())))
                        .thenReturn(recorded)));
    }

    Mono<List<Evaluation>> list(String employeeId, CurrentUser user) {
        return visible(employeeId, user).flatMap(e -> files.find(employeeId).map(EvaluationFile::evaluations).defaultIfEmpty(List.of()));
    }

    Mono<Evaluation> get(UUID evaluationId, CurrentUser user) {
        return files.findByEvaluation(evaluationId)
                .filter(f -> AccessPolicy.maySee(user, new AccessPolicy.Owner(f.employeeId(), f.lineManagerId())))
                .flatMap(f -> Mono.justOrEmpty(f.evaluations().stream().filter(e -> e.id().equals(evaluationId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("evaluation", evaluationId)));
    }

    Mono<EvaluationFile> file(String employeeId, CurrentUser user) {
        return visible(employeeId, user).flatMap(this::fileOf);
    }

    Mono<List<AuditEntry>> history(String employeeId, CurrentUser user) {
        return visible(employeeId, user).flatMap(e -> audit.of(AUDIT_TYPE, employeeId));
    }

    Mono<EvaluationFile> recordGuidanceAction(String employeeId, String action, CurrentUser user) {
        return decide(employeeId, user, false, file -> file.recordGuidanceAction(action, actor(user), clock.instant()));
    }

    Mono<EvaluationFile> decideProposal(String employeeId, boolean dismissed, String motivation, CurrentUser user) {
        return decide(employeeId, user, true, file -> file.decideProposal(dismissed, motivation, actor(user), clock.instant()));
    }

    Mono<EvaluationFile> recordContractualDismissal(String employeeId, LocalDate effectiveOn, String reason, CurrentUser user) {
        return decide(employeeId, user, true, file -> file.recordContractualDismissal(effectiveOn, reason, actor(user), clock.instant()));
    }

    /** R-EVA-3 and R-EVA-6: follow-up and probation reminders due by today; returns how many were sent. */
    public Mono<Long> sendReminders() {
        LocalDate today = today();
        Mono<Long> followUps = files.withReminderBy(today).concatMap(id -> transactional.transactional(files.find(id)
                .flatMap(f -> f.remindIfDue(today, clock.instant()).map(this::save).orElse(Mono.empty())).thenReturn(1L))).count();
        Mono<Long> probationReminders = probations.withReminderBy(today).concatMap(id -> transactional.transactional(
                probations.find(id).flatMap(p -> p.remindIfDue(today, clock.instant()).map(this::saveProbation)
                        .orElse(Mono.empty())).thenReturn(1L))).count();
        return followUps.zipWith(probationReminders, Long::sum);
    }

    private Mono<EvaluationFile> decide(String employeeId, CurrentUser user, boolean caseHandlerOnly,
                                        Function<EvaluationFile, Decision<EvaluationFile>> decision) {
        return transactional.transactional(actingOn(employeeId, user, caseHandlerOnly)
                .flatMap(this::fileOf)
                .flatMap(file -> save(decision.apply(file))));
    }

    /** The employee, if this user may act on their evaluations: 404 if not visible, 403 if visible but not allowed. */
    private Mono<Employee> actingOn(String employeeId, CurrentUser user, boolean caseHandlerOnly) {
        return visible(employeeId, user).doOnNext(e -> {
            AccessPolicy.Owner owner = new AccessPolicy.Owner(e.employeeId(), e.lineManagerId());
            boolean allowed = caseHandlerOnly ? user.isCaseHandler() : AccessPolicy.mayActFor(user, owner);
            if (!allowed) {
                throw new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide",
                        caseHandlerOnly ? "HR case handlers take this decision." : "The line manager or HR records this.");
            }
        });
    }

    private Mono<Employee> visible(String employeeId, CurrentUser user) {
        return employees.visibleTo(employeeId, user);
    }

    private Mono<EvaluationFile> fileOf(Employee e) {
        return files.find(e.employeeId())
                .defaultIfEmpty(EvaluationFile.empty(e.employeeId(), e.lineManagerId(), e.entity(), e.contractType()))
                .map(f -> f.withEmployee(e.lineManagerId(), e.entity(), e.contractType()));
    }

    private Mono<EvaluationFile> save(Decision<EvaluationFile> d) {
        EvaluationFile next = d.next();
        return files.save(next)
                .then(log.record(AUDIT_TYPE, next.employeeId(), d))
                .thenReturn(next.withVersion(next.version() + 1));
    }

    public Mono<Probation> saveProbation(Decision<Probation> d) {
        return probations.save(d.next())
                .then(log.record(AUDIT_TYPE, d.next().employeeId(), d))
                .thenReturn(d.next());
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return CalendarDays.today(clock);
    }

    public static Actor actor(CurrentUser user) {
        return Actor.of(user);
    }
}
