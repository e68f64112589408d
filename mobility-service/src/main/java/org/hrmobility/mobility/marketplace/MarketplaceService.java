package org.hrmobility.mobility.marketplace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * R-MOB-8: the temporary mobility marketplace. Only published offers sharing a skill with a request and overlapping its
 * period are candidates (found in SQL); they are ranked by {@link MatchRanking}.
 */
@Service
class MarketplaceService {

    private final Decisions decisions;
    private final Clock clock;

    MarketplaceService(Decisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** An employee offers their own talents; their line manager consents before it is published. */
    Mono<Stored<TalentOffer>> offer(List<String> skills, int sharePercent, LocalDate from, LocalDate to, CurrentUser user) {
        if (user.employeeId() == null) {
            return Mono.error(new ForbiddenException(null, "employees-only", "Employees only", "Employees offer their own talents."));
        }
        return decisions.seeing(user, user.employeeId(), "employee").flatMap(s -> decisions.create(Marketplace.OFFER,
                TalentOffer.propose(UUID.randomUUID(), s.subject().employeeId(), s.subject().lineManagerId(), s.subject().entity(),
                        skills, sharePercent, from, to, Permission.own(user), clock.instant())));
    }

    /** R-MOB-8: the line manager's consent (their deputy as such, HR on their behalf with a reason). */
    Mono<Stored<TalentOffer>> consent(UUID offerId, boolean given, String reason, CurrentUser user) {
        return decisions.decide(Marketplace.OFFER, offerId, user, Permission.lineManager(), reason,
                (o, by) -> o.consent(given, reason, by, clock.instant()));
    }

    /** R-COR-1: the employee (or HR on their behalf) withdraws the offer. */
    Mono<Stored<TalentOffer>> withdrawOffer(UUID offerId, String reason, CurrentUser user) {
        return decisions.decide(Marketplace.OFFER, offerId, user, Permission.subject(), reason,
                (o, by) -> o.withdraw(reason, by, clock.instant()));
    }

    Mono<Stored<TalentRequest>> request(String title, List<String> skills, int sharePercent, LocalDate from, LocalDate to,
                                        CurrentUser user) {
        if (user.employeeId() == null) {
            return Mono.error(new ForbiddenException(null, "employees-only", "Employees only", "Project owners are employees."));
        }
        return decisions.seeing(user, user.employeeId(), "employee").flatMap(s -> decisions.create(Marketplace.REQUEST,
                TalentRequest.publish(UUID.randomUUID(), s.subject().employeeId(), s.subject().lineManagerId(), s.subject().entity(),
                        title, skills, sharePercent, from, to, Permission.own(user), clock.instant())));
    }

    /** R-COR-1: the owner (or HR) withdraws an open request. */
    Mono<Stored<TalentRequest>> withdrawRequest(UUID requestId, String reason, CurrentUser user) {
        return decisions.decide(Marketplace.REQUEST, requestId, user, Permission.subjectOrCaseHandler(), reason,
                (r, by) -> r.withdraw(reason, by, clock.instant()));
    }

    Mono<Stored<TalentOffer>> offer(UUID id, CurrentUser user) {
        return decisions.read(Marketplace.OFFER, id, user);
    }

    Mono<Stored<TalentRequest>> request(UUID id, CurrentUser user) {
        return decisions.read(Marketplace.REQUEST, id, user);
    }

    Mono<Page<Stored<TalentOffer>>> offers(TalentOffer.Status status, String skill, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Marketplace.OFFER)
                .where(Filter.eq("status", status), Filter.overlaps("skills", skill == null ? null : List.of(skill.trim().toLowerCase())))
                .orderBy("available_from", Query.Direction.ASC).visibleTo(user), page, size);
    }

    Mono<Page<Stored<TalentRequest>>> requests(TalentRequest.Status status, String skill, CurrentUser user, int page, int size) {
        return decisions.store().page(Query.of(Marketplace.REQUEST)
                .where(Filter.eq("status", status), Filter.overlaps("skills", skill == null ? null : List.of(skill.trim().toLowerCase())))
                .orderBy("needed_from", Query.Direction.ASC).visibleTo(user), page, size);
    }

    /** The request's owner and HR see its ranked matches. */
    Mono<List<MatchRanking.Match>> matches(UUID requestId, int limit, CurrentUser user) {
        return decisions.read(Marketplace.REQUEST, requestId, user)
                .map(Stored::value)
                .doOnNext(r -> requireOwnerOrCaseHandler(r, user))
                .flatMap(r -> candidates(r).map(offers -> MatchRanking.rank(r, offers, limit)));
    }

    /** Closes the loop: the owner (or HR) assigns a published offer to the request; both change in one transaction. */
    Mono<Stored<TalentRequest>> assign(UUID requestId, UUID offerId, CurrentUser user) {
        // the request's state is checked first (an assigned request answers 409); an offer off the market cannot be assigned
        return decisions.inTransaction(decisions.store().find(Marketplace.OFFER, offerId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("talent-offer", offerId)))
                .flatMap(offer -> decisions.decide(Marketplace.REQUEST, requestId, user, Permission.subjectOrCaseHandler(), null,
                        (r, by) -> r.assign(offer.value(), by, clock.instant()),
                        (d, saved) -> decisions.decideAsSystem(Marketplace.OFFER, offerId,
                                o -> Optional.of(o.assignTo(requestId, d.decidedBy(), clock.instant()))))));
    }

    /**
     * R-COR-1: the owner (or HR) cancels an assignment made in error; the request reopens and the offer is published
     * again, in one transaction. Someone else is refused before they learn whether the request is assigned.
     */
    Mono<Stored<TalentRequest>> cancelAssignment(UUID requestId, String reason, CurrentUser user) {
        return decisions.inTransaction(decisions.read(Marketplace.REQUEST, requestId, user)
                .map(Stored::value)
                .doOnNext(request -> requireOwnerOrCaseHandler(request, user))
                .map(TalentRequest::requireAssigned)
                .flatMap(offerId -> decisions.store().find(Marketplace.OFFER, offerId)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("talent-offer", offerId))))
                .flatMap(offer -> decisions.decide(Marketplace.REQUEST, requestId, user, Permission.subjectOrCaseHandler(), reason,
                        (r, by) -> r.cancelAssignment(offer.value(), reason, by, clock.instant()),
                        (d, saved) -> decisions.decideAsSystem(Marketplace.OFFER, offer.value().id(),
                                o -> Optional.of(o.unassign(requestId, reason, d.decidedBy(), clock.instant()))))));
    }

    private static void requireOwnerOrCaseHandler(TalentRequest r, CurrentUser user) {
        if (!user.employeeIdIs(r.ownerId()) && !user.isCaseHandler()) {
            throw new ForbiddenException(null, "not-the-owner", "Not the owner",
                    "Only the request's owner or HR sees its matches, assigns an offer and cancels an assignment.");
        }
    }

    /** Published offers sharing a skill with the request and overlapping its period: the only ones worth ranking. */
    private Mono<List<TalentOffer>> candidates(TalentRequest r) {
        return decisions.store().list(Query.of(Marketplace.OFFER).where(Filter.eq("status", TalentOffer.Status.PUBLISHED),
                        Filter.overlaps("skills", r.skills()), Filter.atMost("available_from", r.neededTo()),
                        Filter.atLeast("available_to", r.neededFrom())), 10_000)
                .map(Stored::value).collectList();
    }
}
