package org.hrmobility.evaluation.evaluation;

/** R-EVA-1: the ratings of an evaluation. */
public enum Rating {
    INSUFFICIENT,
    SUFFICIENT,
    GOOD,
    VERY_GOOD
}
