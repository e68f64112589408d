package org.hrmobility.redeployment.casefile;

public enum CaseStatus {
    /** Opened; waiting for the guidance trajectory and the admissibility decision. */
    OPENED,
    /** Admitted as redeployable: in the redeployment pool, receives offers (R-RED-2). */
    IN_POOL,
    /** Not redeployable: a trajectory in the own entity with a multidisciplinary team, no offers (R-RED-2). */
    INTERNAL_TRAJECTORY,
    /** Placed in a position, by acceptance or ex officio; the case is closed. */
    PLACED,
    /** Closed without placement. */
    CLOSED;

    public boolean isClosed() {
        return this == PLACED || this == CLOSED;
    }
}
