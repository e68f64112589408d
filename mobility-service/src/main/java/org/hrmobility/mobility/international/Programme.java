package org.hrmobility.mobility.international;

/** The international mobility programmes, with their lengths. */
public enum Programme {
    /** R-MOB-1: an exchange with a partner government, 1 to 6 months. */
    EXCHANGE(1, 6),
    /** R-MOB-2: a work visit to one of the administration's foreign offices, 1 to 3 months. */
    WORK_VISIT(1, 3);

    private final int minMonths;
    private final int maxMonths;

    Programme(int minMonths, int maxMonths) {
        this.minMonths = minMonths;
        this.maxMonths = maxMonths;
    }

    public int minMonths() {
        return minMonths;
    }

    public int maxMonths() {
        return maxMonths;
    }

    public String rule() {
        return this == EXCHANGE ? "R-MOB-1" : "R-MOB-2";
    }
}
