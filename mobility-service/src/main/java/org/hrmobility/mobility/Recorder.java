package org.hrmobility.mobility;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.decision.CalendarDays;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.decision.DecisionLog;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every mobility use case shares: the clock, who acts, which employees they may see, and saving a
 * decision's record with its history line and events in one transaction.
 */
@Component
public class Recorder {

    private final Documents documents;
    private final DecisionLog log;
    private final EmployeeDirectory employees;
    private final TransactionalOperator transactional;
    private final Clock clock;

    Recorder(Documents documents, DecisionLog log, EmployeeDirectory employees, TransactionalOperator transactional, Clock clock) {
        this.documents = documents;
        this.log = log;
        this.employees = employees;
        this.transactional = transactional;
        this.clock = clock;
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

    public Documents documents() {
        return documents;
    }

    public <T> Mono<T> inTransaction(Mono<T> work) {
        return transactional.transactional(work);
    }

    /** Saves the record a decision produced, its history line and its events; answers the saved record. */
    public <T> Mono<T> save(Kind<T> kind, Decision<T> decision, int readVersion) {
        T next = decision.next();
        UUID id = kind.id().apply(next);
        return documents.save(kind.name(), id, next, readVersion, kind.columns().apply(next))
                .then(log.record(kind.name(), id.toString(), decision))
                .thenReturn(kind.withVersion().apply(next, readVersion + 1));
    }

    /** A new record, in its own transaction. */
    public <T> Mono<T> create(Kind<T> kind, Decision<T> decision) {
        return inTransaction(save(kind, decision, 0));
    }

    public <T> Mono<T> load(Kind<T> kind, UUID id) {
        return documents.find(kind.name(), id, kind.type(), kind.withVersion())
                .switchIfEmpty(Mono.error(() -> new NotFoundException(kind.name(), id)));
    }

    /** The record if this user may see it (404 otherwise, as if it did not exist). */
    public <T> Mono<T> visible(Kind<T> kind, UUID id, CurrentUser user) {
        return load(kind, id).doOnNext(r -> AccessPolicy.requireVisible(user, kind.owner().apply(r), kind.name(), id));
    }

    /** Records of this kind matching a condition on the columns, as far as this user may see them. */
    public <T> Flux<T> visibleAll(Kind<T> kind, String condition, Map<String, Object> binds, CurrentUser user) {
        return documents.query(kind.name(), condition, binds, kind.type(), kind.withVersion())
                .filter(r -> AccessPolicy.maySee(user, kind.owner().apply(r)));
    }

    /** One decision on a record: 404 unless visible, 403 unless allowed, then saved with its history and events. */
    public <T> Mono<T> decide(Kind<T> kind, UUID id, CurrentUser user, Predicate<T> allowed, Function<T, Decision<T>> decision) {
        return inTransaction(visible(kind, id, user)
                .doOnNext(r -> {
                    if (!allowed.test(r)) {
                        throw new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide",
                                "Your role does not allow this decision on this " + kind.name() + ".");
                    }
                })
                .flatMap(r -> save(kind, decision.apply(r), kind.version().applyAsInt(r))));
    }

    /** The employee as this user may see them, else 404 (the directory's rule). */
    public Mono<Employee> visibleEmployee(String employeeId, CurrentUser user) {
        return employees.visibleTo(employeeId, user);
    }

}
