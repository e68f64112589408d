package org.hrmobility.mobility.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.mobility.TalentOfferDeclined;
import org.hrmobility.contracts.mobility.TalentOfferProposed;
import org.hrmobility.contracts.mobility.TalentOfferPublished;
import org.hrmobility.contracts.mobility.TalentOfferWithdrawn;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;

/**
 * R-MOB-8: an employee offers skills for a share of their working time during a period; it is published once
 * their line manager consents, taken off the market when assigned, and may be withdrawn before (R-COR-1); an
 * assignment made in error puts it back.
 */
public record TalentOffer(UUID id, String employeeId, String lineManagerId, String entity, List<String> skills, int sharePercent,
                          LocalDate availableFrom, LocalDate availableTo, Status status, UUID assignedTo, String withdrawalReason) {

    public enum Status {
        AWAITING_CONSENT, PUBLISHED, DECLINED, ASSIGNED, WITHDRAWN
    }

    public TalentOffer {
        skills = List.copyOf(skills);
    }

    public static Decision<TalentOffer> propose(UUID id, String employeeId, String lineManagerId, String entity, List<String> skills,
                                                int sharePercent, LocalDate from, LocalDate to, Actor by, Instant now) {
        TalentOffer offer = new TalentOffer(id, employeeId, lineManagerId, entity, normalised(skills), sharePercent, from, to,
                Status.AWAITING_CONSENT, null, null);
        return new Decision<>(offer, List.of(OutgoingEvent.of(MobilityEvents.TALENT_OFFER_PROPOSED, id.toString(),
                new TalentOfferProposed(employeeId, lineManagerId, entity, id.toString(), offer.skills, sharePercent, from, to))),
                by.did(now, "talent offer made, awaiting the line manager's consent", String.join(", ", offer.skills)));
    }

    /**
     * R-MOB-8: the line manager's consent publishes the offer (their deputy as such, HR on their behalf); the reason, which
     * HR must give and anyone may, goes into the history.
     */
    public Decision<TalentOffer> consent(boolean given, String reason, Actor by, Instant now) {
        if (status == Status.PUBLISHED || status == Status.DECLINED) {
            throw new ConflictException("R-MOB-8", "consent-already-given", "Consent already decided", "This offer is " + status + ".");
        }
        if (status != Status.AWAITING_CONSENT) {
            throw new ConflictException("R-MOB-8", "offer-not-awaiting-consent", "Not awaiting consent",
                    "This offer is " + status + "; consent is given while an offer awaits it.");
        }
        TalentOffer next = with(given ? Status.PUBLISHED : Status.DECLINED, null, null);
        List<OutgoingEvent<?>> events = given ? List.of(OutgoingEvent.of(MobilityEvents.TALENT_OFFER_PUBLISHED, id.toString(),
                new TalentOfferPublished(employeeId, lineManagerId, entity, id.toString(), skills, sharePercent, availableFrom,
                        availableTo))) : List.of(OutgoingEvent.of(MobilityEvents.TALENT_OFFER_DECLINED, id.toString(),
                new TalentOfferDeclined(employeeId, lineManagerId, entity, id.toString())));
        return new Decision<>(next, events, by.did(now, given ? "line manager consented: published" : "line manager declined", reason));
    }

    /** R-COR-1: taken off the market before it is assigned, with the reason. */
    public Decision<TalentOffer> withdraw(String reason, Actor by, Instant now) {
        if (status != Status.AWAITING_CONSENT && status != Status.PUBLISHED) {
            throw new ConflictException("R-MOB-8", "offer-not-withdrawable", "Not withdrawable", "This offer is " + status + ".");
        }
        return new Decision<>(with(Status.WITHDRAWN, null, reason), List.of(OutgoingEvent.of(MobilityEvents.TALENT_OFFER_WITHDRAWN,
                id.toString(), new TalentOfferWithdrawn(employeeId, lineManagerId, entity, id.toString(), reason))),
                by.did(now, "talent offer withdrawn", reason));
    }

    /** R-MOB-8: assigned to a request, the offer leaves the market. */
    public Decision<TalentOffer> assignTo(UUID requestId, Actor by, Instant now) {
        requireAvailable();
        return new Decision<>(with(Status.ASSIGNED, requestId, null), List.of(), by.did(now, "assigned to talent request " + requestId, null));
    }

    /** R-COR-1: its assignment to that request was cancelled; the offer is back on the market. */
    public Decision<TalentOffer> unassign(UUID requestId, String reason, Actor by, Instant now) {
        if (status != Status.ASSIGNED || !requestId.equals(assignedTo)) {
            throw new ConflictException("R-MOB-8", "offer-not-assigned", "Offer not assigned",
                    "This offer is " + status + (assignedTo == null ? "" : ", assigned to request " + assignedTo) + ".");
        }
        return new Decision<>(with(Status.PUBLISHED, null, null), List.of(),
                by.did(now, "assignment to talent request " + requestId + " cancelled; published again", reason));
    }

    void requireAvailable() {
        if (status != Status.PUBLISHED) {
            throw new ConflictException("R-MOB-8", "offer-not-available", "Offer not available", "This offer is " + status + ".");
        }
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** The same offer with the employee's master data as it is today. */
    public TalentOffer withEmployee(String currentLineManager, String currentEntity) {
        return new TalentOffer(id, employeeId, currentLineManager, currentEntity, skills, sharePercent, availableFrom, availableTo,
                status, assignedTo, withdrawalReason);
    }

    static List<String> normalised(List<String> skills) {
        return skills.stream().map(s -> s.trim().toLowerCase()).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    private TalentOffer with(Status newStatus, UUID request, String reason) {
        return new TalentOffer(id, employeeId, lineManagerId, entity, skills, sharePercent, availableFrom, availableTo, newStatus,
                request, reason);
    }
}
