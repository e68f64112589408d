package org.hrmobility.mobility.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.mobility.TalentOfferPublished;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;

/**
 * R-MOB-8: an employee offers skills for a share of their working time during a period; it is published once
 * their line manager consents, and taken off the market when assigned.
 */
public record TalentOffer(UUID id, String employeeId, String lineManagerId, String entity, List<String> skills, int sharePercent,
                          LocalDate availableFrom, LocalDate availableTo, Status status, int version) {

    public enum Status {
        AWAITING_CONSENT, PUBLISHED, DECLINED, ASSIGNED
    }

    public TalentOffer {
        skills = List.copyOf(skills);
    }

    public static Decision<TalentOffer> propose(UUID id, String employeeId, String lineManagerId, String entity, List<String> skills,
                                                int sharePercent, LocalDate from, LocalDate to, Actor by, Instant now) {
        TalentOffer offer = new TalentOffer(id, employeeId, lineManagerId, entity, normalised(skills), sharePercent, from, to,
                Status.AWAITING_CONSENT, 0);
        return new Decision<>(offer, List.of(), by.did(now, "talent offer made, awaiting the line manager's consent",
                String.join(", ", offer.skills)));
    }

    public Decision<TalentOffer> consent(boolean given, Actor by, Instant now) {
        if (status != Status.AWAITING_CONSENT) {
            throw new ConflictException("R-MOB-8", "consent-already-given", "Consent already decided", "This offer is " + status + ".");
        }
        TalentOffer next = with(given ? Status.PUBLISHED : Status.DECLINED);
        List<OutgoingEvent<?>> events = given ? List.of(OutgoingEvent.of(MobilityEvents.TALENT_OFFER_PUBLISHED, id.toString(),
                new TalentOfferPublished(employeeId, lineManagerId, entity, id.toString(), skills, sharePercent, availableFrom,
                        availableTo))) : List.of();
        return new Decision<>(next, events, by.did(now, given ? "line manager consented: published" : "line manager declined", null));
    }

    TalentOffer assigned() {
        if (status != Status.PUBLISHED) {
            throw new ConflictException("R-MOB-8", "offer-not-available", "Offer not available", "This offer is " + status + ".");
        }
        return with(Status.ASSIGNED);
    }

    public TalentOffer withVersion(int storedVersion) {
        return new TalentOffer(id, employeeId, lineManagerId, entity, skills, sharePercent, availableFrom, availableTo, status,
                storedVersion);
    }

    static List<String> normalised(List<String> skills) {
        return skills.stream().map(s -> s.trim().toLowerCase()).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    private TalentOffer with(Status newStatus) {
        return new TalentOffer(id, employeeId, lineManagerId, entity, skills, sharePercent, availableFrom, availableTo, newStatus,
                version);
    }
}
