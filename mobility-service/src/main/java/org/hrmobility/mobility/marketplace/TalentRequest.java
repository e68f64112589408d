package org.hrmobility.mobility.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.mobility.AssignmentCancelled;
import org.hrmobility.contracts.mobility.AssignmentMade;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.mobility.TalentRequestPublished;
import org.hrmobility.contracts.mobility.TalentRequestWithdrawn;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;

/**
 * R-MOB-8: a project owner asks for skills for a share of someone's time during a period; an assignment of an offer
 * that shares a skill and overlaps the period fills it. It may be withdrawn while open (R-COR-1).
 */
public record TalentRequest(UUID id, String ownerId, String ownerLineManagerId, String entity, String title, List<String> skills,
                            int sharePercent, LocalDate neededFrom, LocalDate neededTo, UUID assignedOffer, Status status,
                            String withdrawalReason) {

    public enum Status {
        OPEN, ASSIGNED, WITHDRAWN
    }

    public TalentRequest {
        skills = List.copyOf(skills);
        status = status != null ? status : assignedOffer == null ? Status.OPEN : Status.ASSIGNED;
    }

    public static Decision<TalentRequest> publish(UUID id, String ownerId, String ownerLineManagerId, String entity, String title,
                                                  List<String> skills, int sharePercent, LocalDate from, LocalDate to, Actor by,
                                                  Instant now) {
        TalentRequest r = new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, TalentOffer.normalised(skills),
                sharePercent, from, to, null, Status.OPEN, null);
        return new Decision<>(r, List.of(OutgoingEvent.of(MobilityEvents.TALENT_REQUEST_PUBLISHED, id.toString(),
                new TalentRequestPublished(ownerId, ownerLineManagerId, entity, id.toString(), title, r.skills, sharePercent, from, to))),
                by.did(now, "talent request published: " + title, String.join(", ", r.skills)));
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** R-MOB-8: this request gets that offer, which must share a skill and overlap the period; both leave the market. */
    public Decision<TalentRequest> assign(TalentOffer offer, Actor by, Instant now) {
        if (!isOpen()) {
            throw new ConflictException("R-MOB-8", "request-not-open", "Request not open", "This request is " + status + ".");
        }
        offer.requireAvailable();
        Set<String> shared = new HashSet<>(skills);
        shared.retainAll(offer.skills());
        if (shared.isEmpty()) {
            throw new RuleViolationException("R-MOB-8", "no-shared-skill", "No shared skill",
                    "The offer shares none of the skills asked for: " + String.join(", ", skills) + ".");
        }
        LocalDate from = neededFrom.isAfter(offer.availableFrom()) ? neededFrom : offer.availableFrom();
        LocalDate to = neededTo.isBefore(offer.availableTo()) ? neededTo : offer.availableTo();
        if (to.isBefore(from)) {
            throw new RuleViolationException("R-MOB-8", "periods-do-not-overlap", "Periods do not overlap",
                    "The offer is available " + offer.availableFrom() + " to " + offer.availableTo() + "; the request needs "
                            + neededFrom + " to " + neededTo + ".");
        }
        int share = Math.min(sharePercent, offer.sharePercent());
        TalentRequest filled = new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, skills, sharePercent, neededFrom,
                neededTo, offer.id(), Status.ASSIGNED, null);
        return new Decision<>(filled, List.of(OutgoingEvent.of(MobilityEvents.ASSIGNMENT_MADE, id.toString(),
                new AssignmentMade(offer.employeeId(), offer.lineManagerId(), offer.entity(), id.toString(), offer.id().toString(), share,
                        from, to))),
                by.did(now, "assigned " + offer.employeeId() + " for " + share + " % from " + from + " to " + to, title));
    }

    /**
     * R-COR-1: an assignment made in error is cancelled, with the reason: the request is open again, and the employee
     * of the offer and their line manager are told.
     */
    public Decision<TalentRequest> cancelAssignment(TalentOffer offer, String reason, Actor by, Instant now) {
        requireAssigned();
        TalentRequest reopened = new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, skills, sharePercent, neededFrom,
                neededTo, null, Status.OPEN, null);
        return new Decision<>(reopened, List.of(OutgoingEvent.of(MobilityEvents.ASSIGNMENT_CANCELLED, id.toString(),
                new AssignmentCancelled(offer.employeeId(), offer.lineManagerId(), offer.entity(), id.toString(), offer.id().toString(),
                        reason))),
                by.did(now, "assignment of " + offer.employeeId() + " cancelled as made in error; the request is open again", reason));
    }

    /** The offer this request was assigned; refused (409) when it has none, since there is nothing to cancel. */
    public UUID requireAssigned() {
        if (status != Status.ASSIGNED || assignedOffer == null) {
            throw new ConflictException("R-MOB-8", "request-not-assigned", "Request not assigned",
                    "This request is " + status + "; only an assignment can be cancelled.");
        }
        return assignedOffer;
    }

    /** R-COR-1: withdrawn while open, with the reason. */
    public Decision<TalentRequest> withdraw(String reason, Actor by, Instant now) {
        if (!isOpen()) {
            throw new ConflictException("R-MOB-8", "request-not-open", "Request not open", "This request is " + status + ".");
        }
        TalentRequest next = new TalentRequest(id, ownerId, ownerLineManagerId, entity, title, skills, sharePercent, neededFrom,
                neededTo, null, Status.WITHDRAWN, reason);
        return new Decision<>(next, List.of(OutgoingEvent.of(MobilityEvents.TALENT_REQUEST_WITHDRAWN, id.toString(),
                new TalentRequestWithdrawn(ownerId, ownerLineManagerId, entity, id.toString(), reason))),
                by.did(now, "talent request withdrawn", reason));
    }

    /** The same request with its owner's master data as it is today. */
    public TalentRequest withOwner(String currentLineManager, String currentEntity) {
        return new TalentRequest(id, ownerId, currentLineManager, currentEntity, title, skills, sharePercent, neededFrom, neededTo,
                assignedOffer, status, withdrawalReason);
    }
}
