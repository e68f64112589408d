package org.hrmobility.mobility.secondment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** R-MOB-6: secondments, their decisions and calendar, and the register of secondments per host on a given day. */
@Service
public class SecondmentService {


    /** The register of one host on one day: its secondments and what central funds compensate for their periods. */
    record HostRegister(String host, Secondment.HostType hostType, int secondments, long centralShareCents, List<Secondment> items) {
    }

    record Search(Secondment.Status status, String host, String entity, String employeeId) {
    }

    private final Decisions decisions;
    private final Clock clock;

    SecondmentService(Decisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The line manager (or their deputy) or HR requests a secondment for an employee. */
    Mono<Stored<Secondment>> request(String employeeId, String host, Secondment.HostType hostType, Secondment.Reason reason,
                                     LocalDate startsOn, LocalDate endsOn, long annualSalaryCostCents, boolean hostBearsSalary,
                                     CurrentUser user) {
        return decisions.acting(user, employeeId, Permission.lineManagerOrCaseHandler(), null, "employee")
                .flatMap(acting -> decisions.create(Secondments.TYPE, Secondment.request(UUID.randomUUID(),
                        acting.standing().subject(), host, hostType, reason, startsOn, endsOn, annualSalaryCostCents,
                        hostBearsSalary, acting.actor(), clock.instant())));
    }

    Mono<Stored<Secondment>> lineManagerDecides(UUID id, boolean agreed, String why, CurrentUser user) {
        return decisions.decide(Secondments.TYPE, id, user, Permission.lineManager(), why,
                (s, by) -> s.lineManagerDecides(agreed, why, by, clock.instant()));
    }

    Mono<Stored<Secondment>> hostDecides(UUID id, boolean confirmed, String why, CurrentUser user) {
        return decisions.decide(Secondments.TYPE, id, user, Permission.caseHandler(), null,
                (s, by) -> s.hostDecides(confirmed, why, by, clock.instant(), today()));
    }

    /** R-COR-1: HR ends a secondment early, with the reason. */
    Mono<Stored<Secondment>> endEarly(UUID id, LocalDate on, String why, CurrentUser user) {
        return decisions.decide(Secondments.TYPE, id, user, Permission.caseHandler(), null,
                (s, by) -> s.endEarly(on, why, by, clock.instant(), today()));
    }

    /** R-COR-1: the requester's side (line manager, deputy, HR) withdraws a secondment before it starts. */
    Mono<Stored<Secondment>> withdraw(UUID id, String why, CurrentUser user) {
        return decisions.decide(Secondments.TYPE, id, user, Permission.lineManagerOrCaseHandler(), null,
                (s, by) -> s.withdraw(why, by, clock.instant(), today()));
    }

    Mono<Stored<Secondment>> get(UUID id, CurrentUser user) {
        return decisions.read(Secondments.TYPE, id, user);
    }

    Mono<Page<Stored<Secondment>>> list(Search search, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Secondments.TYPE)
                .where(Filter.eq("status", search.status()), Filter.eq("host", search.host()), Filter.eq("entity", search.entity()),
                        Filter.eq("subject_id", search.employeeId()))
                .orderBy("starts_on", Query.Direction.DESC).visibleTo(user), page, size);
    }

    /** R-MOB-6: the register for HR: per host, the host-confirmed secondments covering that day and their central share. */
    Mono<List<HostRegister>> register(LocalDate on, CurrentUser user) {
        if (!user.isCaseHandler() && !user.has(Role.HR_BUSINESS_PARTNER)) {
            return Mono.error(new ForbiddenException(null, "register-for-hr", "The register is for HR",
                    "The register of secondments is for HR case handlers and business partners."));
        }
        LocalDate day = on == null ? today() : on;
        return decisions.store().list(Query.of(Secondments.TYPE)
                        .where(Filter.in("status", Secondment.CONFIRMED), Filter.atMost("starts_on", day), Filter.atLeast("ends_on", day),
                                Filter.eq("entity", user.isCaseHandler() ? null : user.entity())), 100_000)
                .map(Stored::value)
                .collectList()
                .map(covering -> covering.stream().collect(Collectors.groupingBy(Secondment::host)).entrySet().stream()
                        .map(e -> new HostRegister(e.getKey(), e.getValue().get(0).hostType(), e.getValue().size(),
                                e.getValue().stream().mapToLong(Secondment::centralShareCents).sum(), e.getValue()))
                        .sorted(Comparator.comparing(HostRegister::host))
                        .toList());
    }

    /** R-MOB-6: the secondments whose start or end has come, one event each; returns how many moved. */
    public Mono<Long> followCalendar() {
        LocalDate today = today();
        return decisions.decideEachDue(Secondments.TYPE, Query.of(Secondments.TYPE).where(Filter.atMost("calendar_due", today)),
                current -> current.followCalendar(today, clock.instant()));
    }

    private LocalDate today() {
        return CalendarDays.today(clock);
    }
}
