package org.hrmobility.redeployment.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One offer of a case: the position, when it was made, by when to answer, and the answer (or why it ended without
 * one: {@code withdrawal}).
 */
public record Offer(UUID id, int number, Position position, Instant madeAt, LocalDate respondBy, boolean reminded,
                    OfferStatus status, Instant answeredAt, String reason, WithdrawalCause withdrawal) {

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    public Offer answered(OfferStatus newStatus, Instant at, String why) {
        return new Offer(id, number, position, madeAt, respondBy, reminded, newStatus, at, why, null);
    }

    /** Ended without an answer, not counted as a refusal (R-COR-1, R-COR-2). */
    public Offer withdrawn(WithdrawalCause cause, Instant at, String why) {
        return new Offer(id, number, position, madeAt, respondBy, reminded, OfferStatus.WITHDRAWN, at, why, cause);
    }

    public Offer remindedNow() {
        return new Offer(id, number, position, madeAt, respondBy, true, status, answeredAt, reason, withdrawal);
    }
}
