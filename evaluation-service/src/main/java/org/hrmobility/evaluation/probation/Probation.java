package org.hrmobility.evaluation.probation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.evaluation.ProbationEnded;
import org.hrmobility.contracts.evaluation.ProbationEndingSoon;
import org.hrmobility.contracts.evaluation.ProbationStarted;
import org.hrmobility.evaluation.file.Rating;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;

/**
 * R-EVA-6: every manager, internal or external, serves a probation of 6 to 12 months that ends with an evaluation:
 * passed, or failed when that evaluation is INSUFFICIENT.
 */
public record Probation(UUID id, String employeeId, String lineManagerId, String entity, LocalDate startsOn, LocalDate endsOn,
                        boolean reminded, Rating endRating, Outcome outcome) {

    public static final int MIN_MONTHS = 6;
    public static final int MAX_MONTHS = 12;

    public enum Outcome {
        PASSED, FAILED
    }

    /** R-EVA-6: for managers only, 6 to 12 months. */
    public static Decision<Probation> start(UUID id, String employeeId, String lineManagerId, String entity, boolean manager,
                                            LocalDate startsOn, int months, Actor by, Instant now) {
        if (!manager) {
            throw new RuleViolationException("R-EVA-6", "not-a-manager", "Not a manager",
                    "A probation is for managers; master data names " + employeeId + " neither a manager nor anyone's line manager.");
        }
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new RuleViolationException("R-EVA-6", "probation-length", "Probation of 6 to 12 months",
                    "A manager's probation lasts 6 to 12 months, not " + months + ".");
        }
        Probation started = new Probation(id, employeeId, lineManagerId, entity, startsOn, CalendarDays.lastDayOfMonths(startsOn, months),
                false, null, null);
        return new Decision<>(started, List.of(started.event(EvaluationEvents.PROBATION_STARTED, new ProbationStarted(employeeId,
                lineManagerId, entity, id.toString(), startsOn, started.endsOn()))),
                by.did(now, "probation of " + months + " months started", startsOn + " to " + started.endsOn()));
    }

    public boolean isActive() {
        return endRating == null;
    }

    public Probation withEmployee(String currentLineManager, String currentEntity) {
        return new Probation(id, employeeId, currentLineManager, currentEntity, startsOn, endsOn, reminded, endRating, outcome);
    }

    /** A month before the end, once: the closing evaluation is due. */
    public Optional<Decision<Probation>> remindIfDue(LocalDate today, Instant now) {
        if (!isActive() || reminded || today.isBefore(endsOn.minusMonths(1))) {
            return Optional.empty();
        }
        Probation next = new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, true, null, null);
        return Optional.of(new Decision<>(next, List.of(event(EvaluationEvents.PROBATION_ENDING_SOON,
                new ProbationEndingSoon(employeeId, lineManagerId, entity, id.toString(), endsOn))),
                Actor.SYSTEM.did(now, "reminder: probation ends on " + endsOn, null)));
    }

    /** The evaluation held at the end (from a month before it) ends the probation with its outcome. */
    public Optional<Decision<Probation>> endWith(LocalDate evaluatedOn, Rating rating, Actor by, Instant now) {
        if (!isActive() || evaluatedOn.isBefore(endsOn.minusMonths(1))) {
            return Optional.empty();
        }
        Outcome ended = rating == Rating.INSUFFICIENT ? Outcome.FAILED : Outcome.PASSED;
        Probation next = new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, reminded, rating, ended);
        return Optional.of(new Decision<>(next, List.of(event(EvaluationEvents.PROBATION_ENDED,
                new ProbationEnded(employeeId, lineManagerId, entity, id.toString(), endsOn, rating.name(), ended.name()))),
                by.did(now, "probation ended with its evaluation: " + rating + ", " + ended.name().toLowerCase(), null)));
    }

    /** When the end-of-probation reminder falls due, for the scheduler; null when none is pending. */
    public LocalDate reminderDue() {
        return isActive() && !reminded ? endsOn.minusMonths(1) : null;
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, employeeId, payload);
    }
}
