package org.hrmobility.kit.decision;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.hrmobility.kit.access.Access;
import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.access.Readers;
import org.hrmobility.kit.access.Relation;
import org.hrmobility.kit.access.Standing;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.DomainException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.DocumentStore;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Versions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * The one way every service keeps and decides: load the aggregate, check who may see it (404) and act on it (403,
 * by today's master data), check the request's {@code If-Match} (412), let the aggregate decide, save it if nobody
 * saved it meanwhile (409), and write its history line and events, all in one transaction. Reads go through here
 * too, so every answer about one aggregate carries its version as {@code ETag}.
 */
public class Decisions {

    private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);
    /** A pass decides at most this many; a larger backlog is taken by the next passes. */
    static final int DUE_PER_PASS = 10_000;

    /** More work of the same transaction after a save: a vacancy filled by a placement, a search row kept in step. */
    @FunctionalInterface
    public interface AfterSave<T> {
        Mono<?> apply(Decision<T> decision, Stored<T> saved);
    }

    /** Someone about to act on an employee's file: as whom the act is recorded, and how they stand to the employee. */
    public record Acting(Actor actor, Standing standing) {
    }

    private final DocumentStore store;
    private final Access access;
    private final EmployeeDirectory employees;
    private final DecisionLog log;
    private final TransactionalOperator transactional;

    public Decisions(DocumentStore store, Access access, EmployeeDirectory employees, DecisionLog log,
                     TransactionalOperator transactional) {
        this.store = store;
        this.access = access;
        this.employees = employees;
        this.log = log;
        this.transactional = transactional;
    }

    public DocumentStore store() {
        return store;
    }

    /** The aggregate if this user may see it, else 404 as if it did not exist. */
    public <T> Mono<Stored<T>> read(AggregateType<T> type, Object id, CurrentUser user) {
        return store.find(type, id)
                .filterWhen(stored -> type.isPublic(stored.value()) ? Mono.just(true)
                        : access.standing(user, type.subjectOf(stored.value())).map(s -> visible(type, s, user)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(type.name(), id)))
                .flatMap(stored -> Versions.seen(type.name(), id, stored.version()).thenReturn(stored));
    }

    /** How this user stands to employee {@code subjectId}, if they may see that employee's files; else 404. */
    public Mono<Standing> seeing(CurrentUser user, String subjectId, String what) {
        return access.standing(user, subjectId)
                .filter(standing -> standing.relation().maySee() && standing.subject() != null)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(what, subjectId)));
    }

    /**
     * Who acts, and as whom, on the files of employee {@code subjectId}: 404 if the user may not see that employee,
     * 403 if the permission refuses them.
     */
    public Mono<Acting> acting(CurrentUser user, String subjectId, Permission permission, String reason, String what) {
        return seeing(user, subjectId, what).map(standing -> new Acting(permission.actor(user, standing, reason), standing));
    }

    /** A new aggregate with its history line and events, in one transaction. */
    public <T> Mono<Stored<T>> create(AggregateType<T> type, Decision<T> decision) {
        return create(type, decision, (d, saved) -> Mono.empty());
    }

    public <T> Mono<Stored<T>> create(AggregateType<T> type, Decision<T> decision, AfterSave<T> alsoInTransaction) {
        T next = decision.next();
        return atomic(store.insert(type, next)
                .flatMap(saved -> log.record(type.name(), String.valueOf(type.idOf(next)), decision)
                        .then(alsoInTransaction.apply(decision, saved))
                        .then(Versions.seen(type.name(), type.idOf(next), saved.version()))
                        .thenReturn(saved)));
    }

    /** A decision of a person on one aggregate; see the class comment for the steps. */
    public <T> Mono<Stored<T>> decide(AggregateType<T> type, Object id, CurrentUser user, Permission permission, String reason,
                                      BiFunction<T, Actor, Decision<T>> decision) {
        return decide(type, id, user, permission, reason, decision, (d, saved) -> Mono.empty());
    }

    public <T> Mono<Stored<T>> decide(AggregateType<T> type, Object id, CurrentUser user, Permission permission, String reason,
                                      BiFunction<T, Actor, Decision<T>> decision, AfterSave<T> alsoInTransaction) {
        return atomic(store.find(type, id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(type.name(), id)))
                .flatMap(stored -> access.standing(user, type.subjectOf(stored.value()))
                        .filter(standing -> type.isPublic(stored.value()) || visible(type, standing, user))
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(type.name(), id)))
                        .flatMap(standing -> {
                            Actor actor = permission.actor(user, standing, reason);
                            return Versions.requireMatch(type.name(), id, stored.version())
                                    .then(Mono.fromCallable(() -> decision.apply(type.refreshed(stored.value(), standing.subject()), actor)))
                                    .flatMap(d -> save(type, id, d, stored.version(), alsoInTransaction));
                        })));
    }

    /**
     * A decision of the system itself (a deadline passed, a reminder due) on one aggregate, in its own transaction;
     * empty when the aggregate has nothing to decide.
     */
    public <T> Mono<Stored<T>> decideAsSystem(AggregateType<T> type, Object id, Function<T, Optional<Decision<T>>> decision) {
        return decideAsSystem(type, id, decision, (d, saved) -> Mono.empty());
    }

    public <T> Mono<Stored<T>> decideAsSystem(AggregateType<T> type, Object id, Function<T, Optional<Decision<T>>> decision,
                                              AfterSave<T> alsoInTransaction) {
        return atomic(store.find(type, id)
                .flatMap(stored -> current(type, stored.value())
                        .flatMap(value -> Mono.justOrEmpty(decision.apply(value)))
                        .flatMap(d -> save(type, id, d, stored.version(), alsoInTransaction))));
    }

    /**
     * A scheduled job's pass: each aggregate the query finds (due by now) decided by the system in its own transaction.
     * Every instance of a service may run the same pass at the same time: an aggregate another instance decided
     * meanwhile fails its version check and is left (the other's decision stands; the decision is made once), and a rule
     * that refuses one aggregate is logged without stopping the pass for the others. Returns how many were decided.
     */
    public <T> Mono<Long> decideEachDue(AggregateType<T> type, Query<T> due, Function<T, Optional<Decision<T>>> decision) {
        return store.list(due, DUE_PER_PASS)
                .concatMap(found -> {
                    Object id = type.idOf(found.value());
                    return decideAsSystem(type, id, decision)
                            .onErrorResume(OptimisticLockingFailureException.class, e -> left(type, id, "another instance decided it"))
                            .onErrorResume(DomainException.class, e -> left(type, id, e.getMessage()));
                })
                .count();
    }

    private <T> Mono<T> left(AggregateType<?> type, Object id, String why) {
        LOG.info("{} {} left to the next pass: {}", type.name(), id, why);
        return Mono.empty();
    }

    /**
     * Gives a file to a case handler ("my cases"): HR only, never one's own file, and only to someone master data knows
     * (case handlers are employees too). {@code assign} is the aggregate's decision.
     */
    public <T> Mono<Stored<T>> assign(AggregateType<T> type, Object id, String handlerId, String reason, CurrentUser user,
                                      BiFunction<T, Actor, Decision<T>> assign) {
        return employees.find(handlerId)
                .switchIfEmpty(Mono.error(() -> new RuleViolationException(null, "unknown-case-handler", "Unknown case handler",
                        "Master data knows no employee " + handlerId + " to assign this to.")))
                .then(Mono.defer(() -> decide(type, id, user, Permission.caseHandler(), null, assign)));
    }

    /** Work that must commit with a decision (or a read that must see one snapshot), in one transaction. */
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return atomic(work);
    }

    /**
     * One transaction that runs to its end, commit or rollback, whatever happens to the caller. Cancelling a reactive
     * transaction midway (the gateway's response timeout closing the connection to the service) rolled it back while a
     * statement already sent still ran, outside it, and committed part of a command: the chaos campaign found an
     * event without its history line. The caller's Reactor context (If-Match, the version seen) goes with the work.
     */
    private <T> Mono<T> atomic(Mono<T> work) {
        return Mono.deferContextual(context -> Mono.fromFuture(transactional.transactional(work).contextWrite(context).toFuture(), true));
    }

    private <T> Mono<T> current(AggregateType<T> type, T value) {
        String subject = type.subjectOf(value);
        return subject == null ? Mono.just(value)
                : employees.find(subject).map(e -> type.refreshed(value, e)).defaultIfEmpty(value);
    }

    private <T> Mono<Stored<T>> save(AggregateType<T> type, Object id, Decision<T> d, int readVersion, AfterSave<T> also) {
        return store.update(type, d.next(), readVersion)
                .flatMap(saved -> log.record(type.name(), String.valueOf(id), d)
                        .then(also.apply(d, saved))
                        .then(Versions.seen(type.name(), id, saved.version()))
                        .thenReturn(saved));
    }

    private static boolean visible(AggregateType<?> type, Standing standing, CurrentUser user) {
        return type.readers() == Readers.EVERYONE
                || (type.readers() == Readers.CASE_HANDLERS ? user.isCaseHandler() : standing.relation().maySee())
                || standing.relation() == Relation.CASE_HANDLER;
    }
}
