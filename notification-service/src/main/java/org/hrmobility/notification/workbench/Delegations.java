package org.hrmobility.notification.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.access.Relation;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * R-ACC-3: a line manager names their deputy, or HR does for them (recorded on the manager's behalf, with the reason);
 * either may revoke it. The decisions go out on {@code hrm.workbench.events}, which every service keeps beside its
 * master data, so the deputy's rights hold in every service at once.
 */
@Service
class Delegations {

    static final AggregateType<Delegation> TYPE = AggregateType.builder("delegation", "delegation", Delegation.class)
            .id(Delegation::id)
            .subject(Delegation::managerId)
            .column(Column.text("deputy_id", Delegation::deputyId))
            .column(Column.date("starts_on", Delegation::from))
            .column(Column.date("ends_on", Delegation::to))
            .column(Column.bool("revoked", Delegation::revoked))
            .build();

    /** The manager, or HR on the manager's behalf (with the reason): who names and revokes a deputy. */
    private static final Permission MANAGER_OR_HR = (user, standing, reason) -> {
        if (standing.relation() == Relation.SELF && user.has(Role.LINE_MANAGER)) {
            return Permission.own(user);
        }
        if (user.isCaseHandler() && standing.relation() != Relation.SELF) {
            if (reason == null || reason.isBlank()) {
                throw new BadRequestException("reason-required", "Reason required", "HR naming a deputy for a manager says why.");
            }
            return Permission.own(user).onBehalfOf(standing.subject() == null ? null : standing.subject().employeeId());
        }
        throw new ForbiddenException("R-ACC-3", "not-yours-to-delegate", "Not yours to delegate",
                "A line manager names their own deputy; HR may for them.");
    };

    private final Decisions decisions;
    private final EmployeeDirectory employees;
    private final Clock clock;

    Delegations(Decisions decisions, EmployeeDirectory employees, Clock clock) {
        this.decisions = decisions;
        this.employees = employees;
        this.clock = clock;
    }

    Mono<Stored<Delegation>> name(String managerId, String deputyId, LocalDate from, LocalDate to, String reason, CurrentUser user) {
        String manager = managerId == null ? user.employeeId() : managerId;
        if (manager == null) {
            return Mono.error(new BadRequestException("manager-required", "Manager required", "Name the line manager (managerId)."));
        }
        return decisions.acting(user, manager, MANAGER_OR_HR, reason, "employee")
                .flatMap(acting -> employees.isManager(manager).flatMap(managing -> managing ? Mono.just(acting)
                        : Mono.error(new RuleViolationException("R-ACC-3", "not-a-manager", "Not a manager", "Master data names " + manager
                                + " neither a manager nor anyone's line manager: there are no manager's rights to hand to a deputy."))))
                .flatMap(acting -> employees.find(deputyId)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("employee", deputyId)))
                        .flatMap(deputy -> decisions.create(TYPE, Delegation.name(UUID.randomUUID(), manager, deputyId,
                                acting.standing().subject().entity(), from, to, reason, CalendarDays.today(clock), acting.actor(),
                                clock.instant()))));
    }

    Mono<Stored<Delegation>> revoke(UUID id, String reason, CurrentUser user) {
        return decisions.decide(TYPE, id, user, MANAGER_OR_HR, reason, (d, by) -> d.revoke(reason, by, clock.instant()));
    }

    /** HR: every delegation (of one manager when asked); others: their own as manager, and those naming them deputy. */
    Mono<Page<Stored<Delegation>>> list(String managerId, boolean activeOnly, CurrentUser user, int page, int size) {
        LocalDate today = CalendarDays.today(clock);
        Query<Delegation> query = Query.of(TYPE).where(Filter.eq("subject_id", managerId),
                        Filter.eq("revoked", activeOnly ? false : null), Filter.atLeast("ends_on", activeOnly ? today : null))
                .orderBy("starts_on", Query.Direction.DESC);
        if (!user.isCaseHandler()) {
            String me = user.employeeId() == null ? "" : user.employeeId();
            query = query.where(Filter.anyOf(Filter.eq("subject_id", me), Filter.eq("deputy_id", me)));
        }
        return decisions.store().page(query, page, size);
    }
}
