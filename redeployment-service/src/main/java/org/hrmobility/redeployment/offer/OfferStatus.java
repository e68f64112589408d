package org.hrmobility.redeployment.offer;

public enum OfferStatus {
    OPEN,
    ACCEPTED,
    REFUSED,
    EXPIRED,
    /** The third offer after two refusals: the employee is placed ex officio, it cannot be refused (R-RED-4). */
    EX_OFFICIO,
    /** Ended without an answer: cancelled in error, the case closed, or the vacancy withdrawn or filled (R-COR-1, R-COR-2). */
    WITHDRAWN;

    /** Refused and expired offers count towards the two refusals an employee has (R-RED-4, R-RED-5). */
    public boolean countsAsRefusal() {
        return this == REFUSED || this == EXPIRED;
    }
}
