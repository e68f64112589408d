package org.hrmobility.mobility.allowance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.mobility.AllowanceEnded;
import org.hrmobility.contracts.mobility.AllowanceEndingSoon;
import org.hrmobility.contracts.mobility.AllowanceExtended;
import org.hrmobility.contracts.mobility.AllowanceGranted;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.kit.employee.Employee;

/**
 * R-MOB-9: the temporary heavier-duty allowance, granted by the line manager for temporarily taking on extra or
 * heavier tasks, to statutory and contractual staff of every level except N; at least 30 calendar days, at most
 * one year, explicitly extendable by one or more periods of one year, each starting the day after the current end.
 * Days are counted inclusive of both ends. It can be ended early (R-COR-1).
 *
 * @param grade the employee's grade by master data as of the last decision (level N is checked again at each extension)
 */
public record Allowance(UUID id, String employeeId, String lineManagerId, String entity, String reason, LocalDate startsOn,
                        LocalDate endsOn, int extensions, boolean reminded, LocalDate endedEarlyOn, String endReason, String grade) {

    public static final int MIN_DAYS = 30;
    /**
     * Suite policy: an extension is decided while the allowance runs or within this many days after its end (a late
     * decision for a period already being worked); later, a new allowance is granted instead.
     */
    public static final int EXTENSION_GRACE_DAYS = 30;

    public enum Status {
        GRANTED, ENDED_EARLY
    }

    public Status status() {
        return endedEarlyOn == null ? Status.GRANTED : Status.ENDED_EARLY;
    }

    public static Decision<Allowance> grant(UUID id, Employee employee, String reason, LocalDate startsOn, LocalDate endsOn,
                                            String onBehalfReason, Actor by, Instant now) {
        requireNotTopManagement(employee.grade());
        long days = ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
        if (days < MIN_DAYS) {
            throw new RuleViolationException("R-MOB-9", "allowance-too-short", "Allowance too short",
                    "A heavier-duty allowance lasts at least " + MIN_DAYS + " calendar days; this one " + days + ".");
        }
        LocalDate lastDay = CalendarDays.lastDayOfYears(startsOn, 1);
        if (endsOn.isAfter(lastDay)) {
            throw new RuleViolationException("R-MOB-9", "allowance-too-long", "Allowance too long",
                    "A heavier-duty allowance is granted for at most one year, until " + lastDay
                            + "; longer takes explicit extensions.");
        }
        Allowance a = new Allowance(id, employee.employeeId(), employee.lineManagerId(), employee.entity(), reason, startsOn, endsOn,
                0, false, null, null, employee.grade());
        return new Decision<>(a, List.of(a.event(MobilityEvents.ALLOWANCE_GRANTED, new AllowanceGranted(a.employeeId,
                a.lineManagerId, a.entity, id.toString(), startsOn, endsOn, reason))),
                by.did(now, "heavier-duty allowance granted, " + startsOn + " to " + endsOn + capacity(by),
                        onBehalfReason == null || onBehalfReason.isBlank() ? reason : reason + "; on behalf: " + onBehalfReason));
    }

    /**
     * R-MOB-9: an explicit extension by one year from the day after the current end, decided while the allowance runs or
     * within {@link #EXTENSION_GRACE_DAYS} days after it; level N is checked again on today's grade.
     *
     * @param requestedEndsOn the end the request names, or null to take the one year's end
     * @param reason          why, for the history (HR must give it, on the line manager's behalf)
     */
    public Decision<Allowance> extend(LocalDate requestedEndsOn, String reason, LocalDate today, Actor by, Instant now) {
        requireRunning();
        if (grade != null) {
            requireNotTopManagement(grade);
        }
        if (today.isAfter(endsOn.plusDays(EXTENSION_GRACE_DAYS))) {
            throw new RuleViolationException("R-MOB-9", "extension-too-late", "Too late to extend",
                    "An allowance is extended while it runs or within " + EXTENSION_GRACE_DAYS + " days after its end ("
                            + endsOn + "); grant a new one instead.");
        }
        LocalDate from = endsOn.plusDays(1);
        LocalDate oneYearOn = CalendarDays.lastDayOfYears(from, 1);
        if (requestedEndsOn != null && !requestedEndsOn.equals(oneYearOn)) {
            throw new RuleViolationException("R-MOB-9", "extension-not-one-year", "Extension is one year",
                    "An allowance is extended by one year at a time, from " + from + " to " + oneYearOn + ", not to " + requestedEndsOn + ".");
        }
        Allowance next = new Allowance(id, employeeId, lineManagerId, entity, reason, startsOn, oneYearOn, extensions + 1, false, null,
                null, grade);
        return new Decision<>(next, List.of(event(MobilityEvents.ALLOWANCE_EXTENDED, new AllowanceExtended(employeeId,
                lineManagerId, entity, id.toString(), oneYearOn, next.extensions))),
                by.did(now, "extended by one year, " + from + " to " + oneYearOn + capacity(by), reason));
    }

    /** R-COR-1: ended early, on a day from its start to before its end, with the reason. */
    public Decision<Allowance> endEarly(LocalDate on, String why, Actor by, Instant now) {
        requireRunning();
        if (on.isBefore(startsOn) || !on.isBefore(endsOn)) {
            throw new RuleViolationException("R-MOB-9", "early-end-outside-period", "Not an early end",
                    "An allowance ends early on a day from its start (" + startsOn + ") to before its end (" + endsOn + ").");
        }
        Allowance next = new Allowance(id, employeeId, lineManagerId, entity, reason, startsOn, on, extensions, reminded, on, why, grade);
        return new Decision<>(next, List.of(event(MobilityEvents.ALLOWANCE_ENDED, new AllowanceEnded(employeeId, lineManagerId, entity,
                id.toString(), on, why))), by.did(now, "ended early on " + on + capacity(by), why));
    }

    /** A month before the end, once per period: the line manager decides on an extension in time. */
    public Optional<Decision<Allowance>> remindIfDue(LocalDate today, Instant now) {
        if (reminded || endedEarlyOn != null || today.isBefore(endsOn.minusMonths(1)) || today.isAfter(endsOn)) {
            return Optional.empty();
        }
        Allowance next = new Allowance(id, employeeId, lineManagerId, entity, reason, startsOn, endsOn, extensions, true, null, null,
                grade);
        return Optional.of(new Decision<>(next, List.of(event(MobilityEvents.ALLOWANCE_ENDING_SOON,
                new AllowanceEndingSoon(employeeId, lineManagerId, entity, id.toString(), endsOn))),
                Actor.SYSTEM.did(now, "reminder: allowance ends on " + endsOn, null)));
    }

    /** When the reminder falls due, for the scheduler; null when none is pending. */
    public LocalDate reminderDue() {
        return reminded || endedEarlyOn != null ? null : endsOn.minusMonths(1);
    }

    /** The same allowance with the employee's master data as it is today. */
    public Allowance withEmployee(String currentLineManager, String currentEntity, String currentGrade) {
        return new Allowance(id, employeeId, currentLineManager, currentEntity, reason, startsOn, endsOn, extensions, reminded,
                endedEarlyOn, endReason, currentGrade);
    }

    private void requireRunning() {
        if (endedEarlyOn != null) {
            throw new ConflictException("R-MOB-9", "allowance-ended", "Allowance ended", "This allowance was ended on " + endedEarlyOn + ".");
        }
    }

    private static void requireNotTopManagement(String grade) {
        if (Grade.parse(grade).level() == Grade.Level.N) {
            throw new RuleViolationException("R-MOB-9", "allowance-not-for-level-n", "Not for level N",
                    "The heavier-duty allowance is for every level except N (top management).");
        }
    }

    private static String capacity(Actor by) {
        return switch (by.capacity()) {
            case ON_BEHALF -> " (recorded by HR on the line manager's behalf)";
            case DEPUTY -> " (by the line manager's deputy)";
            default -> "";
        };
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, id.toString(), payload);
    }
}
