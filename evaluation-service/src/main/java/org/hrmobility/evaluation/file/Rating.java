package org.hrmobility.evaluation.file;

/** R-EVA-1: the ratings of an evaluation. */
public enum Rating {
    INSUFFICIENT,
    SUFFICIENT,
    GOOD,
    VERY_GOOD
}
