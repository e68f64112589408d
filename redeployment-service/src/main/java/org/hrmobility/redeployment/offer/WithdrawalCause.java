package org.hrmobility.redeployment.offer;

/** Why an open offer ended without an answer: none of these counts as a refusal (R-COR-1, R-COR-2). */
public enum WithdrawalCause {
    /** Cancelled by HR as made in error. */
    CANCELLED,
    /** The case was closed. */
    CASE_CLOSED,
    /** The recruitment system withdrew the vacancy, or it closed. */
    VACANCY_WITHDRAWN,
    /** Another placement filled the vacancy. */
    VACANCY_FILLED
}
