package org.hrmobility.mobility.funding;

/**
 * What central funds pay. R-MOB-3: half of the travel and stay costs of exchanges and work visits; R-MOB-6: half
 * of a secondee's salary cost for the secondment's period when the host does not bear it. Amounts are whole euro
 * cents; half of an odd amount, and a day's share of a year, round half-up to the cent.
 */
public final class CentralFunds {

    /** The days of the year a yearly cost is spread over. */
    public static final int DAYS_A_YEAR = 365;

    private CentralFunds() {
    }

    public static long half(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("an amount of cents is not negative: " + cents);
        }
        return cents / 2 + cents % 2;
    }

    /** The part of a yearly cost that falls on this many days, half-up to the cent. */
    public static long forDays(long yearlyCents, long days) {
        if (yearlyCents < 0 || days < 0) {
            throw new IllegalArgumentException("costs and days are not negative");
        }
        return Math.addExact(Math.multiplyExact(Math.multiplyExact(yearlyCents, days), 2L), DAYS_A_YEAR) / (2L * DAYS_A_YEAR);
    }
}
