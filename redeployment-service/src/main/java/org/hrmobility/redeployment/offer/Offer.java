package org.hrmobility.redeployment.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One offer of a case: the position, when it was made, by when to answer, and the answer. */
public record Offer(UUID id, int number, Position position, Instant madeAt, LocalDate respondBy, boolean reminded,
                    OfferStatus status, Instant answeredAt, String reason) {

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    public Offer answered(OfferStatus newStatus, Instant at, String why) {
        return new Offer(id, number, position, madeAt, respondBy, reminded, newStatus, at, why);
    }

    public Offer remindedNow() {
        return new Offer(id, number, position, madeAt, respondBy, true, status, answeredAt, reason);
    }
}
