package org.hrmobility.evaluation.probation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.evaluation.ProbationCorrected;
import org.hrmobility.contracts.evaluation.ProbationEnded;
import org.hrmobility.contracts.evaluation.ProbationEndingSoon;
import org.hrmobility.contracts.evaluation.ProbationStarted;
import org.hrmobility.evaluation.file.Evaluation;
import org.hrmobility.evaluation.file.Rating;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;

/**
 * R-EVA-6: every manager, internal or external, serves a probation of 6 to 12 months that ends with an evaluation:
 * passed, or failed when that evaluation is INSUFFICIENT. It keeps which evaluation ended it, so that correcting that
 * evaluation (R-COR-1) corrects the outcome too.
 */
public record Probation(UUID id, String employeeId, String lineManagerId, String entity, LocalDate startsOn, LocalDate endsOn,
                        boolean reminded, Rating endRating, Outcome outcome, UUID endedBy) {

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
                false, null, null, null);
        return new Decision<>(started, List.of(started.event(EvaluationEvents.PROBATION_STARTED, new ProbationStarted(employeeId,
                lineManagerId, entity, id.toString(), startsOn, started.endsOn()))),
                by.did(now, "probation of " + months + " months started", startsOn + " to " + started.endsOn()));
    }

    public boolean isActive() {
        return endRating == null;
    }

    public Probation withEmployee(String currentLineManager, String currentEntity) {
        return new Probation(id, employeeId, currentLineManager, currentEntity, startsOn, endsOn, reminded, endRating, outcome, endedBy);
    }

    /** A month before the end, once: the closing evaluation is due. */
    public Optional<Decision<Probation>> remindIfDue(LocalDate today, Instant now) {
        if (!isActive() || reminded || today.isBefore(endsOn.minusMonths(1))) {
            return Optional.empty();
        }
        Probation next = new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, true, null, null, null);
        return Optional.of(new Decision<>(next, List.of(event(EvaluationEvents.PROBATION_ENDING_SOON,
                new ProbationEndingSoon(employeeId, lineManagerId, entity, id.toString(), endsOn))),
                Actor.SYSTEM.did(now, "reminder: probation ends on " + endsOn, null)));
    }

    /** The evaluation held at the end (from a month before it) ends the probation with its outcome. */
    public Optional<Decision<Probation>> endWith(Evaluation evaluation, Actor by, Instant now) {
        return endWith(evaluation, by, now, null);
    }

    /** As {@link #endWith(Evaluation, Actor, Instant)}, with why in the history: the reason of the correction that ended it. */
    private Optional<Decision<Probation>> endWith(Evaluation evaluation, Actor by, Instant now, String why) {
        if (!isActive() || evaluation.evaluatedOn().isBefore(closingFrom())) {
            return Optional.empty();
        }
        Probation next = closedBy(evaluation);
        return Optional.of(new Decision<>(next, List.of(event(EvaluationEvents.PROBATION_ENDED,
                new ProbationEnded(employeeId, lineManagerId, entity, id.toString(), endsOn, next.endRating().name(),
                        next.outcome().name()))),
                by.did(now, "probation ended with its evaluation: " + next.endRating() + ", " + next.outcome().name().toLowerCase(),
                        why)));
    }

    /**
     * R-COR-1: after HR corrected an evaluation, the probation is what the evaluations as they now stand make of it:
     * ended by the first one held from a month before its end. A different closing evaluation or rating corrects the
     * outcome; none any more, and the probation runs again, its closing evaluation due; a running one that now has
     * one ends. Empty when the correction changes nothing here.
     */
    public Optional<Decision<Probation>> reassess(List<Evaluation> evaluations, String reason, Actor by, Instant now) {
        Optional<Evaluation> closing = evaluations.stream().filter(e -> !e.evaluatedOn().isBefore(closingFrom()))
                .min(Comparator.comparing(Evaluation::evaluatedOn));
        if (isActive()) {
            return closing.flatMap(e -> endWith(e, by, now, reason));
        }
        if (closing.isEmpty()) {
            Probation running = new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, reminded, null, null, null);
            return Optional.of(running.corrected(null, reason, by, now,
                    "probation runs again: no evaluation held from " + closingFrom() + " closes it any more"));
        }
        Evaluation e = closing.get();
        boolean sameEvaluation = endedBy == null || endedBy.equals(e.id());
        if (sameEvaluation && e.rating() == endRating) {
            return Optional.empty();
        }
        Probation next = closedBy(e);
        return Optional.of(next.corrected(e.id(), reason, by, now, "probation outcome corrected: " + endRating + ", "
                + outcome.name().toLowerCase() + " becomes " + next.endRating() + ", " + next.outcome().name().toLowerCase()));
    }

    /** The first day an evaluation closes the probation: a month before its end. */
    private LocalDate closingFrom() {
        return endsOn.minusMonths(1);
    }

    private Probation closedBy(Evaluation evaluation) {
        Outcome ended = evaluation.rating() == Rating.INSUFFICIENT ? Outcome.FAILED : Outcome.PASSED;
        return new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, reminded, evaluation.rating(), ended,
                evaluation.id());
    }

    /** This probation, as a correction made it, with the event that tells it; {@code evaluationId} null when it runs again. */
    private Decision<Probation> corrected(UUID evaluationId, String reason, Actor by, Instant now, String what) {
        return new Decision<>(this, List.of(event(EvaluationEvents.PROBATION_CORRECTED, new ProbationCorrected(employeeId,
                lineManagerId, entity, id.toString(), endsOn, evaluationId == null ? null : evaluationId.toString(),
                endRating == null ? null : endRating.name(), outcome == null ? "RUNNING" : outcome.name(), reason))),
                by.did(now, what, reason));
    }

    /** When the end-of-probation reminder falls due, for the scheduler; null when none is pending. */
    public LocalDate reminderDue() {
        return isActive() && !reminded ? endsOn.minusMonths(1) : null;
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, employeeId, payload);
    }
}
