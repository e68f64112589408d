package org.hrmobility.mobility.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * What central funds pay. R-MOB-3: half of the travel and stay costs of exchanges and work visits; R-MOB-6: half
 * of a secondee's salary cost for the secondment's period when the host does not bear it. Amounts are whole euro
 * cents; half of an odd amount, and half the cost of a period, round half-up to the cent, once.
 */
public final class CentralFunds {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private CentralFunds() {
    }

    public static long half(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("an amount of cents is not negative: " + cents);
        }
        return cents / 2 + cents % 2;
    }

    /**
     * Half of a yearly cost for the days from {@code first} to {@code last}, both included. Each day is its own year's
     * share (1/365, or 1/366 in a leap year), so a whole calendar year costs one year's cost, leap or not.
     */
    public static long halfForPeriod(long yearlyCents, LocalDate first, LocalDate last) {
        if (yearlyCents < 0 || last.isBefore(first)) {
            throw new IllegalArgumentException("a cost is not negative and a period does not end before it starts");
        }
        BigDecimal cost = BigDecimal.ZERO;
        for (LocalDate from = first; !from.isAfter(last); ) {
            LocalDate yearEnd = from.with(TemporalAdjusters.lastDayOfYear());
            LocalDate to = last.isBefore(yearEnd) ? last : yearEnd;
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            cost = cost.add(BigDecimal.valueOf(yearlyCents).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(from.lengthOfYear()), MathContext.DECIMAL128));
            from = to.plusDays(1);
        }
        return cost.divide(TWO, MathContext.DECIMAL128).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
