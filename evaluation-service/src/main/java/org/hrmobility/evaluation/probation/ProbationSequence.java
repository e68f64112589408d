package org.hrmobility.evaluation.probation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hrmobility.evaluation.file.Evaluation;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;

/**
 * R-COR-1 on R-EVA-6: the probations one employee served, in order, and which of their evaluations may close each.
 * An evaluation belongs to the probation it ended; the others to the probation that ran when they were held, since
 * one held after the next probation started is about that one. A manager serves one probation at a time, so a
 * correction may not make a probation run again once a later one started.
 */
final class ProbationSequence {

    private final List<Probation> probations;
    private final Set<UUID> closingEvaluations;

    ProbationSequence(List<Probation> probations) {
        this.probations = probations.stream().sorted(Comparator.comparing(Probation::startsOn)).toList();
        this.closingEvaluations = probations.stream().map(Probation::endedBy).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    List<Probation> probations() {
        return probations;
    }

    /** The probation as the corrected evaluations now end it; refused if it would run again after a later one started. */
    Optional<Decision<Probation>> reassess(Probation current, List<Evaluation> evaluations, String reason, Actor by,
                                                  Instant now) {
        Optional<Decision<Probation>> decided = current.reassess(closableBy(current, evaluations), reason, by, now);
        if (decided.isPresent() && decided.get().next().isActive() && hasLater(current)) {
            throw runningTwice(current);
        }
        return decided;
    }

    /** Its own closing evaluation, and those held before the next probation started that closed no other. */
    List<Evaluation> closableBy(Probation probation, List<Evaluation> evaluations) {
        LocalDate nextStart = next(probation).map(Probation::startsOn).orElse(LocalDate.MAX);
        return evaluations.stream().filter(e -> e.id().equals(probation.endedBy())
                || e.evaluatedOn().isBefore(nextStart) && !closingEvaluations.contains(e.id())).toList();
    }

    private boolean hasLater(Probation probation) {
        return next(probation).isPresent();
    }

    private Optional<Probation> next(Probation probation) {
        int i = IntStream.range(0, probations.size()).filter(at -> probations.get(at).id().equals(probation.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of this employee's probations: " + probation.id()));
        return i + 1 < probations.size() ? Optional.of(probations.get(i + 1)) : Optional.empty();
    }

    static ConflictException runningTwice(Probation p) {
        return new ConflictException("R-EVA-6", "probation-running", "Probation running", "Corrected so, no evaluation closes the "
                + "probation of " + p.startsOn() + " to " + p.endsOn() + " any more, and it would run again after a later probation of "
                + p.employeeId() + " started. Correct the evaluation so that one held from " + p.endsOn().minusMonths(1)
                + " still closes it.");
    }
}
