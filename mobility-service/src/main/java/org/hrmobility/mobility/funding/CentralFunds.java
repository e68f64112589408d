package org.hrmobility.mobility.funding;

/**
 * What central funds pay. R-MOB-3: half of the travel and stay costs of exchanges and work visits; R-MOB-6: half
 * of a secondee's salary cost when the host does not bear it. Amounts are whole euro cents; half of an odd amount
 * rounds half-up to the cent.
 */
public final class CentralFunds {

    private CentralFunds() {
    }

    public static long half(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("an amount of cents is not negative: " + cents);
        }
        return cents / 2 + cents % 2;
    }
}
