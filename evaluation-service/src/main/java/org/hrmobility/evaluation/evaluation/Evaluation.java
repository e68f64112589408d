package org.hrmobility.evaluation.evaluation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One evaluation (R-EVA-1): the period it covers, the day it was held, the rating, and for an INSUFFICIENT
 * optionally special circumstances with their written motivation (R-EVA-2).
 */
public record Evaluation(UUID id, LocalDate periodFrom, LocalDate periodTo, LocalDate evaluatedOn, Rating rating,
                         boolean specialCircumstances, String motivation, String recordedBy) {

    public Evaluation {
        if (periodTo.isBefore(periodFrom)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (specialCircumstances && (rating != Rating.INSUFFICIENT || motivation == null || motivation.isBlank())) {
            throw new IllegalArgumentException("special circumstances go with an INSUFFICIENT rating and a written motivation");
        }
    }
}
