package org.hrmobility.mobility.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.mobility.AssignmentMade;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.mobility.TalentRequestPublished;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;

/** R-MOB-8: a project owner asks for skills for a share of someone's time during a period; an assignment fills it. */
public record TalentRequest(UUID id, String ownerId, String ownerLineManagerId, String entity, String title, List<String> skills,
                            int sharePercent, LocalDate neededFrom, LocalDate neededTo, UUID assignedOffer, int version) {

    public TalentRequest {
        skills = List.copyOf(skills);
    }

    public static Decision<TalentRequest> publish(UUID id, String ownerId, String ownerLineManagerId, String entity, String title,
                                                  List<String> skills, int sharePercent, LocalDate from, LocalDate to, Actor by,
                                                  Instant now) {
        TalentRequest r = new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, TalentOffer.normalised(skills),
                sharePercent, from, to, null, 0);
        return new Decision<>(r, List.of(OutgoingEvent.of(MobilityEvents.TALENT_REQUEST_PUBLISHED, id.toString(),
                new TalentRequestPublished(ownerId, ownerLineManagerId, entity, id.toString(), title, r.skills, sharePercent, from, to))),
                by.did(now, "talent request published: " + title, String.join(", ", r.skills)));
    }

    public boolean isOpen() {
        return assignedOffer == null;
    }

    /** Closes the loop: this request gets that offer; both leave the market. */
    public Assignment assign(TalentOffer offer, Actor by, Instant now) {
        if (!isOpen()) {
            throw new ConflictException("R-MOB-8", "request-filled", "Request filled", "This request was assigned already.");
        }
        TalentOffer taken = offer.assigned();
        TalentRequest filled = new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, skills, sharePercent, neededFrom,
                neededTo, offer.id(), version);
        LocalDate from = neededFrom.isAfter(offer.availableFrom()) ? neededFrom : offer.availableFrom();
        LocalDate to = neededTo.isBefore(offer.availableTo()) ? neededTo : offer.availableTo();
        int share = Math.min(sharePercent, offer.sharePercent());
        Decision<TalentRequest> decision = new Decision<>(filled, List.of(OutgoingEvent.of(MobilityEvents.ASSIGNMENT_MADE,
                id.toString(), new AssignmentMade(offer.employeeId(), offer.lineManagerId(), offer.entity(), id.toString(),
                        offer.id().toString(), share, from, to))),
                by.did(now, "assigned " + offer.employeeId() + " for " + share + " % from " + from + " to " + to, title));
        return new Assignment(decision, taken);
    }

    public TalentRequest withVersion(int storedVersion) {
        return new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, skills, sharePercent, neededFrom, neededTo,
                assignedOffer, storedVersion);
    }

    /** An assignment changes the request (with its event) and the offer. */
    public record Assignment(Decision<TalentRequest> request, TalentOffer offer) {
    }
}
