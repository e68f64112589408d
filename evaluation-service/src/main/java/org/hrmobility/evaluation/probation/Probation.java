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
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.evaluation.evaluation.Rating;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.RuleViolationException;

/** R-EVA-6: every manager, internal or external, serves a probation of 6 to 12 months that ends with an evaluation. */
public record Probation(UUID id, String employeeId, String lineManagerId, String entity, LocalDate startsOn, LocalDate endsOn,
                        boolean reminded, Rating endRating, int version) {

    public static final int MIN_MONTHS = 6;
    public static final int MAX_MONTHS = 12;

    public static Decision<Probation> start(UUID id, String employeeId, String lineManagerId, String entity, LocalDate startsOn,
                                            int months, Actor by, Instant now) {
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new RuleViolationException("R-EVA-6", "probation-length", "Probation of 6 to 12 months",
                    "A manager's probation lasts 6 to 12 months, not " + months + ".");
        }
        Probation started = new Probation(id, employeeId, lineManagerId, entity, startsOn, startsOn.plusMonths(months).minusDays(1),
                false, null, 0);
        return new Decision<>(started, List.of(started.event(EvaluationEvents.PROBATION_STARTED, new ProbationStarted(employeeId,
                lineManagerId, entity, id.toString(), startsOn, started.endsOn()))),
                by.did(now, "probation of " + months + " months started", startsOn + " to " + started.endsOn()));
    }

    public boolean isActive() {
        return endRating == null;
    }

    /** A month before the end, once: the closing evaluation is due. */
    public Optional<Decision<Probation>> remindIfDue(LocalDate today, Instant now) {
        if (!isActive() || reminded || today.isBefore(endsOn.minusMonths(1))) {
            return Optional.empty();
        }
        Probation next = new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, true, null, version);
        return Optional.of(new Decision<>(next, List.of(event(EvaluationEvents.PROBATION_ENDING_SOON,
                new ProbationEndingSoon(employeeId, lineManagerId, entity, id.toString(), endsOn))),
                Actor.SYSTEM.did(now, "reminder: probation ends on " + endsOn, null)));
    }

    /** The evaluation held at the end (from a month before it) ends the probation. */
    public Optional<Decision<Probation>> endWith(LocalDate evaluatedOn, Rating rating, Actor by, Instant now) {
        if (!isActive() || evaluatedOn.isBefore(endsOn.minusMonths(1))) {
            return Optional.empty();
        }
        Probation ended = new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, reminded, rating, version);
        return Optional.of(new Decision<>(ended, List.of(event(EvaluationEvents.PROBATION_ENDED,
                new ProbationEnded(employeeId, lineManagerId, entity, id.toString(), endsOn, rating.name()))),
                by.did(now, "probation ended with its evaluation: " + rating, null)));
    }

    public Probation withVersion(int storedVersion) {
        return new Probation(id, employeeId, lineManagerId, entity, startsOn, endsOn, reminded, endRating, storedVersion);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, employeeId, payload);
    }
}
