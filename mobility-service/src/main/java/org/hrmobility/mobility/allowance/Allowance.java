package org.hrmobility.mobility.allowance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.mobility.AllowanceEndingSoon;
import org.hrmobility.contracts.mobility.AllowanceExtended;
import org.hrmobility.contracts.mobility.AllowanceGranted;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.RuleViolationException;

/**
 * R-MOB-9: the temporary heavier-duty allowance, granted by the line manager for temporarily taking on extra or
 * heavier tasks, to statutory and contractual staff of every level except N; at least 30 calendar days, at most
 * one year, explicitly extendable by one or more periods of one year. Days are counted inclusive of both ends.
 */
public record Allowance(UUID id, String employeeId, String lineManagerId, String entity, String reason, LocalDate startsOn,
                        LocalDate endsOn, int extensions, boolean reminded, int version) {

    public static final int MIN_DAYS = 30;

    public static Decision<Allowance> grant(UUID id, Employee employee, String reason, LocalDate startsOn, LocalDate endsOn,
                                            Actor by, Instant now) {
        if (employee.parsedGrade().level() == Grade.Level.N) {
            throw new RuleViolationException("R-MOB-9", "allowance-not-for-level-n", "Not for level N",
                    "The heavier-duty allowance is for every level except N (top management).");
        }
        long days = ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
        if (days < MIN_DAYS) {
            throw new RuleViolationException("R-MOB-9", "allowance-too-short", "Allowance too short",
                    "A heavier-duty allowance lasts at least " + MIN_DAYS + " calendar days; this one " + days + ".");
        }
        if (endsOn.isAfter(startsOn.plusYears(1).minusDays(1))) {
            throw new RuleViolationException("R-MOB-9", "allowance-too-long", "Allowance too long",
                    "A heavier-duty allowance is granted for at most one year, until " + startsOn.plusYears(1).minusDays(1)
                            + "; longer takes explicit extensions.");
        }
        Allowance a = new Allowance(id, employee.employeeId(), employee.lineManagerId(), employee.entity(), reason, startsOn, endsOn,
                0, false, 0);
        return new Decision<>(a, List.of(a.event(MobilityEvents.ALLOWANCE_GRANTED, new AllowanceGranted(a.employeeId,
                a.lineManagerId, a.entity, id.toString(), startsOn, endsOn, reason))),
                by.did(now, "heavier-duty allowance granted, " + startsOn + " to " + endsOn, reason));
    }

    /** R-MOB-9: an explicit extension by exactly one year from the current end. */
    public Decision<Allowance> extend(LocalDate newEndsOn, Actor by, Instant now) {
        LocalDate oneYearOn = endsOn.plusYears(1);
        if (!newEndsOn.equals(oneYearOn)) {
            throw new RuleViolationException("R-MOB-9", "extension-not-one-year", "Extension is one year",
                    "An allowance is extended by one year at a time: from " + endsOn + " to " + oneYearOn + ", not " + newEndsOn + ".");
        }
        Allowance next = new Allowance(id, employeeId, lineManagerId, entity, reason, startsOn, newEndsOn, extensions + 1, false,
                version);
        return new Decision<>(next, List.of(event(MobilityEvents.ALLOWANCE_EXTENDED, new AllowanceExtended(employeeId,
                lineManagerId, entity, id.toString(), newEndsOn, next.extensions))),
                by.did(now, "extended by one year to " + newEndsOn, null));
    }

    /** A month before the end, once per period: the line manager decides on an extension in time. */
    public Optional<Decision<Allowance>> remindIfDue(LocalDate today, Instant now) {
        if (reminded || today.isBefore(endsOn.minusMonths(1)) || today.isAfter(endsOn)) {
            return Optional.empty();
        }
        Allowance next = new Allowance(id, employeeId, lineManagerId, entity, reason, startsOn, endsOn, extensions, true, version);
        return Optional.of(new Decision<>(next, List.of(event(MobilityEvents.ALLOWANCE_ENDING_SOON,
                new AllowanceEndingSoon(employeeId, lineManagerId, entity, id.toString(), endsOn))),
                Actor.SYSTEM.did(now, "reminder: allowance ends on " + endsOn, null)));
    }

    public Allowance withVersion(int storedVersion) {
        return new Allowance(id, employeeId, lineManagerId, entity, reason, startsOn, endsOn, extensions, reminded, storedVersion);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, id.toString(), payload);
    }
}
