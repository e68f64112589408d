package org.hrmobility.evaluation.file;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.hrmobility.kit.domain.RuleViolationException;

/**
 * One evaluation (R-EVA-1): the period it covers, the day it was held, the rating, and for an INSUFFICIENT
 * optionally special circumstances with their written motivation (R-EVA-2).
 */
public record Evaluation(UUID id, LocalDate periodFrom, LocalDate periodTo, LocalDate evaluatedOn, Rating rating,
                         boolean specialCircumstances, String motivation, String recordedBy) {

    public Evaluation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
        Objects.requireNonNull(evaluatedOn, "evaluatedOn");
        Objects.requireNonNull(rating, "rating");
        if (specialCircumstances && (rating != Rating.INSUFFICIENT || motivation == null || motivation.isBlank())) {
            throw new IllegalArgumentException("special circumstances go with an INSUFFICIENT rating and a written motivation");
        }
    }

    /**
     * R-EVA-7: held on or before today; its period ends on or before that day and starts before it ends. A post-dated
     * evaluation would let a follow-up close without the months it requires.
     */
    public void requireDatedBy(LocalDate today) {
        if (evaluatedOn.isAfter(today)) {
            throw new RuleViolationException("R-EVA-7", "evaluation-post-dated", "Evaluation post-dated",
                    "An evaluation is recorded on or after the day it is held; " + evaluatedOn + " is after today (" + today + ").");
        }
        if (periodTo.isAfter(evaluatedOn)) {
            throw new RuleViolationException("R-EVA-7", "period-after-evaluation", "Period ends after the evaluation",
                    "The period evaluated ends on or before the day of the evaluation (" + evaluatedOn + "), not " + periodTo + ".");
        }
        if (!periodFrom.isBefore(periodTo)) {
            throw new RuleViolationException("R-EVA-7", "period-empty", "Period starts after it ends",
                    "The period evaluated starts before it ends: " + periodFrom + " to " + periodTo + ".");
        }
    }

    /** The same evaluation with its rating and dates corrected (R-COR-1); special circumstances only stay with an INSUFFICIENT. */
    public Evaluation corrected(Rating newRating, LocalDate newFrom, LocalDate newTo, LocalDate newOn) {
        boolean stillSpecial = specialCircumstances && newRating == Rating.INSUFFICIENT;
        return new Evaluation(id, newFrom, newTo, newOn, newRating, stillSpecial, stillSpecial ? motivation : null, recordedBy);
    }
}
