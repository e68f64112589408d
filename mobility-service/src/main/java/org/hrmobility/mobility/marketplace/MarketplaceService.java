package org.hrmobility.mobility.marketplace;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.mobility.Documents;
import org.hrmobility.mobility.Kind;
import org.hrmobility.mobility.Recorder;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * R-MOB-8: the temporary mobility marketplace. Offers are searched through {@code talent_offer_search}: published
 * offers sharing a skill with the request (GIN index on skills) and overlapping its period; only those are ranked.
 */
@Service
class MarketplaceService {

    static final Kind<TalentOffer> OFFER = new Kind<>("talent-offer", TalentOffer.class, TalentOffer::id, TalentOffer::version,
            TalentOffer::withVersion, o -> new AccessPolicy.Owner(o.employeeId(), o.lineManagerId()),
            o -> Documents.Columns.of(o.employeeId(), o.lineManagerId(), o.entity(), o.status().name()));
    /** Requests are public inside the administration: anyone may read them. */
    static final Kind<TalentRequest> REQUEST = new Kind<>("talent-request", TalentRequest.class, TalentRequest::id,
            TalentRequest::version, TalentRequest::withVersion, r -> new AccessPolicy.Owner(r.ownerId(), r.ownerLineManagerId()),
            r -> Documents.Columns.of(r.ownerId(), r.ownerLineManagerId(), r.entity(), r.isOpen() ? "OPEN" : "ASSIGNED"));

    private final Recorder recorder;

    MarketplaceService(Recorder recorder) {
        this.recorder = recorder;
    }

    /** An employee offers their own talents; their line manager consents before it is published. */
    Mono<TalentOffer> offer(List<String> skills, int sharePercent, LocalDate from, LocalDate to, CurrentUser user) {
        if (user.employeeId() == null) {
            return Mono.error(new ForbiddenException(null, "employees-only", "Employees only", "Employees offer their own talents."));
        }
        return recorder.visibleEmployee(user.employeeId(), user)
                .flatMap(e -> recorder.inTransaction(recorder.save(OFFER, TalentOffer.propose(UUID.randomUUID(), e.employeeId(),
                        e.lineManagerId(), e.entity(), skills, sharePercent, from, to, Recorder.actor(user), recorder.now()), 0)
                        .flatMap(this::index)));
    }

    Mono<TalentOffer> consent(UUID offerId, boolean given, CurrentUser user) {
        // the search row changes with the offer, in one transaction: a published offer is always findable
        return recorder.inTransaction(recorder.decide(OFFER, offerId, user, o -> user.employeeIdIs(o.lineManagerId()),
                o -> o.consent(given, Recorder.actor(user), recorder.now())).flatMap(this::index));
    }

    Mono<TalentRequest> request(String title, List<String> skills, int sharePercent, LocalDate from, LocalDate to, CurrentUser user) {
        if (user.employeeId() == null) {
            return Mono.error(new ForbiddenException(null, "employees-only", "Employees only", "Project owners are employees."));
        }
        return recorder.visibleEmployee(user.employeeId(), user)
                .flatMap(e -> recorder.create(REQUEST, TalentRequest.publish(UUID.randomUUID(), e.employeeId(), e.lineManagerId(),
                        e.entity(), title, skills, sharePercent, from, to, Recorder.actor(user), recorder.now())));
    }

    Mono<List<TalentRequest>> requests() {
        return recorder.documents().query(REQUEST.name(), "status = 'OPEN'", Map.of(), TalentRequest.class, REQUEST.withVersion())
                .collectList();
    }

    Mono<List<TalentOffer>> offers(CurrentUser user) {
        return recorder.documents().query(OFFER.name(), "status = 'PUBLISHED' or employee_id = :me or line_manager_id = :me",
                Map.of("me", user.employeeId() == null ? "" : user.employeeId()), TalentOffer.class, OFFER.withVersion()).collectList();
    }

    /** The request's owner and HR see its ranked matches. */
    Mono<List<MatchRanking.Match>> matches(UUID requestId, int limit, CurrentUser user) {
        return recorder.load(REQUEST, requestId)
                .doOnNext(r -> requireOwnerOrCaseHandler(r, user))
                .flatMap(r -> candidates(r).map(offers -> MatchRanking.rank(r, offers, limit)));
    }

    /** Closes the loop: the owner (or HR) assigns a published offer to the request. */
    Mono<TalentRequest> assign(UUID requestId, UUID offerId, CurrentUser user) {
        return recorder.inTransaction(recorder.load(REQUEST, requestId)
                .doOnNext(r -> requireOwnerOrCaseHandler(r, user))
                .zipWith(recorder.load(OFFER, offerId))
                .flatMap(t -> {
                    TalentRequest.Assignment a = t.getT1().assign(t.getT2(), Recorder.actor(user), recorder.now());
                    return recorder.documents().save(OFFER.name(), offerId, a.offer(), t.getT2().version(), OFFER.columns().apply(a.offer()))
                            .then(index(a.offer()))
                            .then(recorder.save(REQUEST, a.request(), t.getT1().version()));
                }));
    }

    /** Only what the ranking needs, from the search table: no offer document is read to rank. */
    private Mono<List<TalentOffer>> candidates(TalentRequest r) {
        return recorder.documents().client().sql("""
                        select offer_id, employee_id, skills, share_percent, available_from, available_to from talent_offer_search
                        where published and skills && :skills and available_from <= :to and available_to >= :from""")
                .bind("skills", r.skills().toArray(String[]::new)).bind("from", r.neededFrom()).bind("to", r.neededTo())
                .map(row -> new TalentOffer(row.get("offer_id", UUID.class), row.get("employee_id", String.class), null, null,
                        List.of(row.get("skills", String[].class)), row.get("share_percent", Integer.class),
                        row.get("available_from", LocalDate.class), row.get("available_to", LocalDate.class),
                        TalentOffer.Status.PUBLISHED, 0))
                .all().collectList();
    }

    private Mono<TalentOffer> index(TalentOffer o) {
        return recorder.documents().client().sql("""
                        insert into talent_offer_search (offer_id, employee_id, skills, share_percent, available_from, available_to,
                                                         published)
                        values (:id, :employee, :skills, :share, :from, :to, :published)
                        on conflict (offer_id) do update set published = excluded.published""")
                .bind("id", o.id()).bind("employee", o.employeeId()).bind("skills", o.skills().toArray(String[]::new))
                .bind("share", o.sharePercent())
                .bind("from", o.availableFrom()).bind("to", o.availableTo())
                .bind("published", o.status() == TalentOffer.Status.PUBLISHED)
                .then().thenReturn(o);
    }

    private static void requireOwnerOrCaseHandler(TalentRequest r, CurrentUser user) {
        if (!user.employeeIdIs(r.ownerId()) && !user.isCaseHandler()) {
            throw new ForbiddenException(null, "not-the-owner", "Not the owner",
                    "The request's owner or HR sees its matches and assigns.");
        }
    }
}
