package org.hrmobility.mobility.secondment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.mobility.SecondmentActivated;
import org.hrmobility.contracts.mobility.SecondmentAgreedByLineManager;
import org.hrmobility.contracts.mobility.SecondmentApproved;
import org.hrmobility.contracts.mobility.SecondmentEnded;
import org.hrmobility.contracts.mobility.SecondmentRefused;
import org.hrmobility.contracts.mobility.SecondmentRequested;
import org.hrmobility.contracts.mobility.SecondmentWithdrawn;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.mobility.funding.CentralFunds;

/**
 * R-MOB-6: a secondment to an international institution, a local government or another administration: requested,
 * agreed by the line manager, confirmed by the host (APPROVED), ACTIVE from its start date and ENDED after its end date
 * (the calendar moves it, one event each), or ended early, or withdrawn before it starts (R-COR-1). When the host does
 * not bear the salary cost, central funds compensate half of it; also for staff on union leave and long-term sick staff.
 *
 * @param endAnnounced an early end was decided ahead of its day: the calendar ends it then without a second event
 */
public record Secondment(UUID id, String employeeId, String lineManagerId, String entity, String host, HostType hostType,
                         Reason reason, LocalDate startsOn, LocalDate endsOn, long annualSalaryCostCents, boolean hostBearsSalary,
                         Status status, boolean endAnnounced, String closingReason) {

    public enum HostType {
        INTERNATIONAL_INSTITUTION, LOCAL_GOVERNMENT, OTHER_ADMINISTRATION
    }

    /** Why someone is seconded: the compensation rule is the same for all three (R-MOB-6). */
    public enum Reason {
        REGULAR, UNION_LEAVE, LONG_TERM_SICK
    }

    public enum Status {
        REQUESTED, LINE_MANAGER_AGREED, APPROVED, ACTIVE, ENDED, REFUSED, WITHDRAWN
    }

    /** Host-confirmed secondments: those the register counts on the days they cover. */
    public static final EnumSet<Status> CONFIRMED = EnumSet.of(Status.APPROVED, Status.ACTIVE, Status.ENDED);

    /** R-MOB-6: half a year's salary cost, half-up to the cent, unless the host bears it. */
    public long centralCompensationCents() {
        return hostBearsSalary ? 0 : CentralFunds.half(annualSalaryCostCents);
    }

    /** R-MOB-6: half the salary cost of the secondment's own period (each day its year's share), unless the host bears it. */
    public long centralShareCents() {
        return hostBearsSalary ? 0 : CentralFunds.halfForPeriod(annualSalaryCostCents, startsOn, endsOn);
    }

    /** Calendar days from start to end, both included. */
    public long days() {
        return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    /** Whether the secondment is host-confirmed and covers that day. */
    public boolean coversOn(LocalDate day) {
        return CONFIRMED.contains(status) && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public static Decision<Secondment> request(UUID id, Employee employee, String host, HostType hostType, Reason reason,
                                               LocalDate startsOn, LocalDate endsOn, long annualSalaryCostCents,
                                               boolean hostBearsSalary, Actor by, Instant now) {
        if (endsOn.isBefore(startsOn)) {
            throw new RuleViolationException("R-MOB-6", "secondment-ends-before-start", "Ends before it starts",
                    "A secondment ends on or after its first day; " + endsOn + " is before " + startsOn + ".");
        }
        Secondment s = new Secondment(id, employee.employeeId(), employee.lineManagerId(), employee.entity(), host, hostType,
                reason, startsOn, endsOn, annualSalaryCostCents, hostBearsSalary, Status.REQUESTED, false, null);
        return new Decision<>(s, List.of(s.event(MobilityEvents.SECONDMENT_REQUESTED, new SecondmentRequested(s.employeeId,
                s.lineManagerId, s.entity, id.toString(), host, hostType.name(), reason.name(), startsOn, endsOn))),
                by.did(now, "secondment to " + host + " requested", reason.name()));
    }

    public Decision<Secondment> lineManagerDecides(boolean agreed, String why, Actor by, Instant now) {
        require(Status.REQUESTED, "the line manager's decision");
        if (!agreed) {
            return refused("LINE_MANAGER", why, by, now);
        }
        Secondment next = with(Status.LINE_MANAGER_AGREED);
        return new Decision<>(next, List.of(event(MobilityEvents.SECONDMENT_AGREED_BY_LINE_MANAGER,
                new SecondmentAgreedByLineManager(employeeId, lineManagerId, entity, id.toString()))),
                by.did(now, "line manager agreed; waiting for the host" + capacity(by), why));
    }

    /** The host confirms: approved until the start date, active from it (at once when it has come). */
    public Decision<Secondment> hostDecides(boolean confirmed, String why, Actor by, Instant now, LocalDate today) {
        require(Status.LINE_MANAGER_AGREED, "the host's confirmation");
        if (!confirmed) {
            return refused("HOST", why, by, now);
        }
        Secondment approved = with(Status.APPROVED);
        List<OutgoingEvent<?>> events = new ArrayList<>(List.of(event(MobilityEvents.SECONDMENT_APPROVED, new SecondmentApproved(
                employeeId, lineManagerId, entity, id.toString(), host, startsOn, endsOn, centralShareCents()))));
        Secondment next = approved;
        Optional<Decision<Secondment>> calendar = approved.followCalendar(today, now);
        if (calendar.isPresent()) {
            next = calendar.get().next();
            events.addAll(calendar.get().events());
        }
        return new Decision<>(next, events, by.did(now, "host confirmed: approved, central compensation "
                + centralShareCents() + " cents for the period (" + centralCompensationCents() + " a year)", why));
    }

    /** The calendar: APPROVED becomes ACTIVE on its start date, ACTIVE becomes ENDED after its end date, one event each. */
    public Optional<Decision<Secondment>> followCalendar(LocalDate today, Instant now) {
        List<OutgoingEvent<?>> events = new ArrayList<>();
        Secondment next = this;
        if (next.status == Status.APPROVED && !today.isBefore(startsOn)) {
            next = next.with(Status.ACTIVE);
            events.add(event(MobilityEvents.SECONDMENT_ACTIVATED, new SecondmentActivated(employeeId, lineManagerId, entity,
                    id.toString(), host, centralCompensationCents(), centralShareCents())));
        }
        if (next.status == Status.ACTIVE && today.isAfter(endsOn)) {
            if (!endAnnounced) {
                events.add(event(MobilityEvents.SECONDMENT_ENDED, new SecondmentEnded(employeeId, lineManagerId, entity, id.toString(),
                        endsOn, false, null)));
            }
            next = next.with(Status.ENDED);
        }
        if (next == this) {
            return Optional.empty();
        }
        return Optional.of(new Decision<>(next, events, Actor.SYSTEM.did(now, "secondment " + next.status.name().toLowerCase()
                + (next.status == Status.ENDED ? " on " + endsOn : " from " + startsOn), null)));
    }

    /** When the calendar next moves this secondment, for the scheduler; null when it will not. */
    public LocalDate calendarDue() {
        return switch (status) {
            case APPROVED -> startsOn;
            case ACTIVE -> endsOn.plusDays(1);
            default -> null;
        };
    }

    /**
     * R-COR-1: HR ends an active secondment early, on a day from its start to before its planned end, with the reason;
     * a day still to come is announced now and the calendar ends it then.
     */
    public Decision<Secondment> endEarly(LocalDate on, String why, Actor by, Instant now, LocalDate today) {
        if (status != Status.ACTIVE && status != Status.APPROVED || endAnnounced) {
            throw new ConflictException("R-MOB-6", "secondment-not-running", "Not running",
                    "Only an approved or active secondment is ended early; this one is " + status
                            + (endAnnounced ? ", its end announced for " + endsOn : "") + ".");
        }
        if (on.isBefore(startsOn) || !on.isBefore(endsOn)) {
            throw new RuleViolationException("R-MOB-6", "early-end-outside-period", "Not an early end",
                    "An early end falls from the first day (" + startsOn + ") to before the planned end (" + endsOn + ").");
        }
        boolean past = on.isBefore(today);
        Secondment next = new Secondment(id, employeeId, lineManagerId, entity, host, hostType, reason, startsOn, on,
                annualSalaryCostCents, hostBearsSalary, past ? Status.ENDED : status, !past, why);
        return new Decision<>(next, List.of(event(MobilityEvents.SECONDMENT_ENDED, new SecondmentEnded(employeeId, lineManagerId,
                entity, id.toString(), on, true, why))), by.did(now, "ended early on " + on, why));
    }

    /** R-COR-1: a secondment that has not started is withdrawn, with the reason. */
    public Decision<Secondment> withdraw(String why, Actor by, Instant now, LocalDate today) {
        if (!EnumSet.of(Status.REQUESTED, Status.LINE_MANAGER_AGREED, Status.APPROVED).contains(status)) {
            throw new ConflictException("R-MOB-6", "secondment-not-withdrawable", "Not withdrawable",
                    "A secondment is withdrawn before it starts (" + startsOn + "); this one is " + status + ".");
        }
        if (!today.isBefore(startsOn)) {
            throw new ConflictException("R-MOB-6", "secondment-not-withdrawable", "Not withdrawable",
                    "A secondment is withdrawn before its first day, " + startsOn + ", which has come; "
                            + (status == Status.APPROVED ? "end it early instead." : "the line manager or the host refuses it instead."));
        }
        Secondment next = new Secondment(id, employeeId, lineManagerId, entity, host, hostType, reason, startsOn, endsOn,
                annualSalaryCostCents, hostBearsSalary, Status.WITHDRAWN, false, why);
        return new Decision<>(next, List.of(event(MobilityEvents.SECONDMENT_WITHDRAWN, new SecondmentWithdrawn(employeeId,
                lineManagerId, entity, id.toString(), why))), by.did(now, "withdrawn", why));
    }

    /** The same secondment with the employee's master data as it is today. */
    public Secondment withEmployee(String currentLineManager, String currentEntity) {
        return new Secondment(id, employeeId, currentLineManager, currentEntity, host, hostType, reason, startsOn, endsOn,
                annualSalaryCostCents, hostBearsSalary, status, endAnnounced, closingReason);
    }

    private Decision<Secondment> refused(String by, String why, Actor actor, Instant now) {
        return new Decision<>(with(Status.REFUSED), List.of(event(MobilityEvents.SECONDMENT_REFUSED,
                new SecondmentRefused(employeeId, lineManagerId, entity, id.toString(), by, why))),
                actor.did(now, "refused by the " + by.toLowerCase().replace('_', ' ') + capacity(actor), why));
    }

    private static String capacity(Actor by) {
        return switch (by.capacity()) {
            case ON_BEHALF -> " (recorded by HR on the line manager's behalf)";
            case DEPUTY -> " (by the line manager's deputy)";
            default -> "";
        };
    }

    private void require(Status expected, String what) {
        if (status != expected) {
            throw new ConflictException("R-MOB-6", "out-of-turn", "Out of turn",
                    "Request, line manager, host, active, ended: this secondment is " + status + ", not ready for " + what + ".");
        }
    }

    private Secondment with(Status newStatus) {
        return new Secondment(id, employeeId, lineManagerId, entity, host, hostType, reason, startsOn, endsOn, annualSalaryCostCents,
                hostBearsSalary, newStatus, endAnnounced, closingReason);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, id.toString(), payload);
    }
}
