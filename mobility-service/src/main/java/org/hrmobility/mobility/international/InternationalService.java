package org.hrmobility.mobility.international;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** International mobility: calls (R-MOB-4) and applications to them (R-MOB-1, 2, 3, 5), each one pass of the kit's loop. */
@Service
class InternationalService {

    private final Decisions decisions;
    private final Clock clock;

    InternationalService(Decisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The filters of the application list. */
    record Search(UUID callId, Application.Status status, String entity, String employeeId, Duration waitingOnHostLongerThan) {
    }

    Mono<Stored<Call>> openCall(Programme programme, String title, LocalDate opensOn, LocalDate closesOn, Set<Grade.Level> levels,
                                Integer maxMonths, CurrentUser user) {
        requireCaseHandler(user, "HR case handlers open calls.");
        return decisions.create(Calls.CALL, Call.open(UUID.randomUUID(), programme, title, opensOn, closesOn, levels, maxMonths,
                Permission.own(user), clock.instant()));
    }

    /** R-COR-1: HR closes a call early, with the reason. */
    Mono<Stored<Call>> closeCall(UUID id, String reason, CurrentUser user) {
        return decisions.decide(Calls.CALL, id, user, Permission.caseHandler(), null, (c, by) -> c.close(reason, by, clock.instant()));
    }

    Mono<Stored<Call>> call(UUID id, CurrentUser user) {
        return decisions.read(Calls.CALL, id, user);
    }

    Mono<Page<Stored<Call>>> calls(Call.Status status, Programme programme, boolean openToday, CurrentUser user, int page, int size) {
        LocalDate today = today();
        return decisions.store().page(Query.of(Calls.CALL)
                .where(Filter.eq("status", status), Filter.eq("programme", programme),
                        Filter.atMost("opens_on", openToday ? today : null), Filter.atLeast("closes_on", openToday ? today : null))
                .orderBy("closes_on", Query.Direction.DESC).visibleTo(user), page, size);
    }

    /** An employee applies for themselves. */
    Mono<Stored<Application>> apply(UUID callId, String host, Stay stay, long travelCents, long stayCents, CurrentUser user) {
        if (user.employeeId() == null) {
            return Mono.error(new ForbiddenException(null, "employees-only", "Employees only", "Employees apply for themselves."));
        }
        return decisions.read(Calls.CALL, callId, user).zipWith(decisions.seeing(user, user.employeeId(), "employee"))
                .flatMap(t -> decisions.create(Calls.APPLICATION, Application.submit(UUID.randomUUID(), t.getT1().value(),
                        t.getT2().subject(), host, stay, travelCents, stayCents, today(), Permission.own(user), clock.instant())));
    }

    /** R-MOB-5: the line manager's agreement; their deputy as such, HR on their behalf with the reason (R-ACC-2/3). */
    Mono<Stored<Application>> lineManagerDecides(UUID id, boolean agreed, String reason, CurrentUser user) {
        return decisions.decide(Calls.APPLICATION, id, user, Permission.lineManager(), reason,
                (a, by) -> a.lineManagerDecides(agreed, reason, by, clock.instant()));
    }

    /** The host's answer reaches HR, who records it. */
    Mono<Stored<Application>> hostDecides(UUID id, boolean greenLight, String reason, CurrentUser user) {
        return decisions.decide(Calls.APPLICATION, id, user, Permission.caseHandler(), null,
                (a, by) -> a.hostDecides(greenLight, reason, by, clock.instant()));
    }

    /** R-MOB-5 and R-COR-1: the employee withdraws; HR may on the employee's behalf, with the reason. */
    Mono<Stored<Application>> withdraw(UUID id, String reason, CurrentUser user) {
        return decisions.decide(Calls.APPLICATION, id, user, Permission.subject(), reason,
                (a, by) -> a.withdraw(reason, today(), by, clock.instant()));
    }

    Mono<Stored<Application>> application(UUID id, CurrentUser user) {
        return decisions.read(Calls.APPLICATION, id, user);
    }

    /** Applications this user may see; {@code waitingOnHostLongerThan} finds those a host keeps waiting. */
    Mono<Page<Stored<Application>>> applications(Search search, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Calls.APPLICATION)
                .where(Filter.eq("call_id", search.callId()), Filter.eq("status", search.status()), Filter.eq("entity", search.entity()),
                        Filter.eq("subject_id", search.employeeId()),
                        Filter.before("waiting_on_host_since", search.waitingOnHostLongerThan() == null ? null
                                : clock.instant().minus(search.waitingOnHostLongerThan())))
                .orderBy("created_at", Query.Direction.DESC).visibleTo(user), page, size);
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }

    private static void requireCaseHandler(CurrentUser user, String why) {
        if (!user.isCaseHandler()) {
            throw new ForbiddenException(null, "case-handlers-only", "Case handlers only", why);
        }
    }
}
