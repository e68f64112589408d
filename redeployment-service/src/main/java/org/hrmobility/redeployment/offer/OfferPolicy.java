package org.hrmobility.redeployment.offer;

import java.time.Period;

/**
 * R-RED-5, suite policy: how long an employee has to answer an offer (default 14 calendar days) and how long
 * before that deadline they are reminded (default 3 days).
 */
public record OfferPolicy(Period responseTime, Period reminderBefore) {

    public static final OfferPolicy DEFAULT = new OfferPolicy(Period.ofDays(14), Period.ofDays(3));
}
