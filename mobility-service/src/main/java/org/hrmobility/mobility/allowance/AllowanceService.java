package org.hrmobility.mobility.allowance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** R-MOB-9: heavier-duty allowances, granted, extended and ended early by the line manager (or HR for them), reminded before they end. */
@Service
public class AllowanceService {


    record Search(Allowance.Status status, String entity, String employeeId, LocalDate endingBefore) {
    }

    private final Decisions decisions;
    private final Clock clock;

    AllowanceService(Decisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The line manager grants (their deputy as such, HR on their behalf with a reason); never to themselves (R-ACC-2). */
    Mono<Stored<Allowance>> grant(String employeeId, String reason, LocalDate startsOn, LocalDate endsOn, String onBehalfReason,
                                  CurrentUser user) {
        return decisions.acting(user, employeeId, Permission.lineManager(), onBehalfReason == null ? reason : onBehalfReason, "employee")
                .flatMap(acting -> decisions.create(Allowances.TYPE, Allowance.grant(UUID.randomUUID(), acting.standing().subject(),
                        reason, startsOn, endsOn, onBehalfReason, acting.actor(), clock.instant())));
    }

    Mono<Stored<Allowance>> extend(UUID id, LocalDate newEndsOn, String reason, CurrentUser user) {
        return decisions.decide(Allowances.TYPE, id, user, Permission.lineManager(), reason,
                (a, by) -> a.extend(newEndsOn, reason, today(), by, clock.instant()));
    }

    Mono<Stored<Allowance>> endEarly(UUID id, LocalDate on, String reason, CurrentUser user) {
        return decisions.decide(Allowances.TYPE, id, user, Permission.lineManager(), reason,
                (a, by) -> a.endEarly(on, reason, by, clock.instant()));
    }

    Mono<Stored<Allowance>> get(UUID id, CurrentUser user) {
        return decisions.read(Allowances.TYPE, id, user);
    }

    Mono<Page<Stored<Allowance>>> list(Search search, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Allowances.TYPE)
                .where(Filter.eq("status", search.status()), Filter.eq("entity", search.entity()),
                        Filter.eq("subject_id", search.employeeId()), Filter.before("ends_on", search.endingBefore()))
                .orderBy("ends_on", Query.Direction.ASC).visibleTo(user), page, size);
    }

    /** Reminders that fell due, one allowance per transaction. */
    public Mono<Long> sendReminders() {
        LocalDate today = today();
        return decisions.decideEachDue(Allowances.TYPE, Query.of(Allowances.TYPE).where(Filter.atMost("reminder_due", today)),
                current -> current.remindIfDue(today, clock.instant()));
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }
}
