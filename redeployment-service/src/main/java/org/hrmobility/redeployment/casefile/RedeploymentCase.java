package org.hrmobility.redeployment.casefile;

import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.audit.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.redeployment.AdmissibilityDecided;
import org.hrmobility.contracts.redeployment.CaseClosed;
import org.hrmobility.contracts.redeployment.CaseOpened;
import org.hrmobility.contracts.redeployment.EmployeePlaced;
import org.hrmobility.contracts.redeployment.GuidanceRecorded;
import org.hrmobility.contracts.redeployment.OfferDeadlineApproaching;
import org.hrmobility.contracts.redeployment.OfferExpired;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.OfferRefused;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.problem.RuleViolationException;
import org.hrmobility.redeployment.offer.Offer;
import org.hrmobility.redeployment.offer.OfferPolicy;
import org.hrmobility.redeployment.offer.OfferStatus;
import org.hrmobility.redeployment.offer.Position;

/**
 * A redeployment case: the state machine of R-RED-1 to R-RED-5. Immutable; each decision returns the case
 * after it, the events it causes and its history line, or throws the refusal naming the rule.
 */
public record RedeploymentCase(UUID id, EmployeeSnapshot employee, CaseStatus status, Instant openedAt, Actor openedBy,
                               Guidance guidance, Admissibility admissibility, List<Offer> offers, Placement placement,
                               int version) {

    /** R-RED-4: refused at most twice; the offer after two refusals places ex officio. */
    public static final int REFUSALS_ALLOWED = 2;

    public RedeploymentCase {
        offers = List.copyOf(offers);
    }

    public static Decision<RedeploymentCase> open(UUID id, EmployeeSnapshot employee, Actor by, Instant now) {
        RedeploymentCase opened = new RedeploymentCase(id, employee, CaseStatus.OPENED, now, by, null, null, List.of(),
                null, 0);
        return new Decision<>(opened,
                List.of(opened.event(RedeploymentEvents.CASE_OPENED, new CaseOpened(id.toString(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), by.subject(), now))),
                by.did(now, "case opened", null));
    }

    public Decision<RedeploymentCase> recordGuidance(Guidance trajectory, Actor by, Instant now) {
        if (status != CaseStatus.OPENED) {
            throw new ConflictException("guidance-after-admissibility", "Admissibility already decided",
                    "The guidance trajectory is recorded before the admissibility decision; this case is " + status + ".");
        }
        RedeploymentCase next = with(status, trajectory, admissibility, offers, placement);
        return new Decision<>(next,
                List.of(event(RedeploymentEvents.GUIDANCE_RECORDED, new GuidanceRecorded(idText(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), trajectory.from(), trajectory.to(), trajectory.actions()))),
                by.did(now, "guidance trajectory recorded",
                        trajectory.from() + " to " + trajectory.to() + ": " + String.join("; ", trajectory.actions())));
    }

    /** R-RED-1: only after a completed guidance trajectory; R-RED-2: redeployable to the pool, else internal. */
    public Decision<RedeploymentCase> decideAdmissibility(boolean redeployable, String motivation, Actor by, Instant now, LocalDate today) {
        if (status != CaseStatus.OPENED) {
            throw new ConflictException("admissibility-already-decided", "Admissibility already decided",
                    "Admissibility of this case was decided already; it is " + status + ".");
        }
        if (guidance == null || !guidance.isCompletedOn(today)) {
            throw new RuleViolationException("R-RED-1", "guidance-trajectory-required", "Guidance trajectory required",
                    guidance == null
                            ? "An employee is registered for redeployment only after the line manager has recorded a guidance and support trajectory."
                            : "The guidance trajectory runs until " + guidance.to() + "; registration waits until it is completed.");
        }
        CaseStatus decided = redeployable ? CaseStatus.IN_POOL : CaseStatus.INTERNAL_TRAJECTORY;
        RedeploymentCase next = with(decided, guidance, new Admissibility(redeployable, motivation, now), offers, placement);
        return new Decision<>(next,
                List.of(event(RedeploymentEvents.ADMISSIBILITY_DECIDED, new AdmissibilityDecided(idText(),
                        employee.employeeId(), employee.lineManagerId(), employee.entity(), redeployable, motivation,
                        redeployable ? now : null))),
                by.did(now, redeployable ? "admitted to the redeployment pool"
                        : "not redeployable: internal trajectory with a multidisciplinary team", motivation));
    }

    /**
     * R-RED-2: only pool members get offers. R-RED-3: equal or lower grade. R-RED-5: one open offer at a time.
     * R-RED-6: a vacancy must still be open. R-RED-4: after two refusals this offer places ex officio at once.
     */
    public Decision<RedeploymentCase> makeOffer(UUID offerId, Position position, boolean vacancyOpen, Actor by, Instant now, LocalDate today,
                              OfferPolicy policy) {
        requireInPool();
        openOffer().ifPresent(open -> {
            throw new ConflictException("R-RED-5", "offer-already-open", "Offer already open",
                    "Offer " + open.number() + " (" + open.position().title() + ") awaits an answer until " + open.respondBy()
                            + "; one offer at a time.");
        });
        if (position.parsedGrade().isHigherThan(employee.parsedGrade())) {
            throw new RuleViolationException("R-RED-3", "offer-grade-too-high", "Offer grade too high",
                    "An offer must be of equal or lower grade than the employee's own (" + employee.grade()
                            + "); this position is " + position.grade() + ".");
        }
        if (!vacancyOpen) {
            throw new RuleViolationException("R-RED-6", "vacancy-not-open", "Vacancy not open",
                    "Vacancy " + position.vacancyId() + " has been withdrawn or filled.");
        }
        boolean exOfficio = refusals() >= REFUSALS_ALLOWED;
        int number = offers.size() + 1;
        LocalDate respondBy = today.plus(policy.responseTime());
        Offer offer = new Offer(offerId, number, position, now, respondBy, false,
                exOfficio ? OfferStatus.EX_OFFICIO : OfferStatus.OPEN, exOfficio ? now : null, null);
        List<Offer> withOffer = append(offers, offer);
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(RedeploymentEvents.OFFER_MADE, new OfferMade(idText(), employee.employeeId(), employee.lineManagerId(),
                employee.entity(), offerId.toString(), number, position.title(), position.entity(), position.grade(),
                position.vacancyId(), exOfficio ? null : respondBy, exOfficio)));
        if (!exOfficio) {
            return new Decision<>(with(status, guidance, admissibility, withOffer, placement), events,
                    by.did(now, "offer " + number + " made", position.title() + " (" + position.grade() + ")"));
        }
        RedeploymentCase placed = with(CaseStatus.PLACED, guidance, admissibility, withOffer, new Placement(offerId, true, now));
        events.addAll(placed.placementEvents(offer, true));
        return new Decision<>(placed, events, by.did(now, "placed ex officio (offer " + number + ")",
                "After " + REFUSALS_ALLOWED + " refusals the third offer cannot be refused: " + position.title()));
    }

    public Decision<RedeploymentCase> accept(UUID offerId, Actor by, String reason, Instant now) {
        Offer offer = requireOpenOffer(offerId, "accept");
        List<Offer> answered = replace(offer.answered(OfferStatus.ACCEPTED, now, reason));
        RedeploymentCase placed = with(CaseStatus.PLACED, guidance, admissibility, answered, new Placement(offerId, false, now));
        return new Decision<>(placed, placed.placementEvents(offer, false),
                by.did(now, "offer " + offer.number() + " accepted", reason));
    }

    public Decision<RedeploymentCase> refuse(UUID offerId, Actor by, String reason, boolean onBehalf, Instant now) {
        Offer offer = requireOpenOffer(offerId, "refuse");
        RedeploymentCase next = with(status, guidance, admissibility, replace(offer.answered(OfferStatus.REFUSED, now, reason)),
                placement);
        return new Decision<>(next,
                List.of(event(RedeploymentEvents.OFFER_REFUSED, new OfferRefused(idText(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), offerId.toString(), next.refusals(), reason, onBehalf))),
                by.did(now, "offer " + offer.number() + " refused" + (onBehalf ? " on the employee's behalf" : ""),
                        reason));
    }

    /**
     * R-RED-5: an open offer past its deadline counts as a refusal; one nearing it gets a reminder, once.
     * Empty when nothing is due.
     */
    public Optional<Decision<RedeploymentCase>> applyDeadline(Instant now, LocalDate today, OfferPolicy policy) {
        Optional<Offer> open = openOffer();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Offer offer = open.get();
        Actor clock = Actor.SYSTEM;
        if (today.isAfter(offer.respondBy())) {
            RedeploymentCase next = with(status, guidance, admissibility,
                    replace(offer.answered(OfferStatus.EXPIRED, now, "no answer by " + offer.respondBy())), placement);
            return Optional.of(new Decision<>(next,
                    List.of(event(RedeploymentEvents.OFFER_EXPIRED, new OfferExpired(idText(), employee.employeeId(),
                            employee.lineManagerId(), employee.entity(), offer.id().toString(), next.refusals(), offer.respondBy()))),
                    clock.did(now, "offer " + offer.number() + " expired, counts as a refusal",
                            "no answer by " + offer.respondBy())));
        }
        if (!offer.reminded() && !today.isBefore(offer.respondBy().minus(policy.reminderBefore()))) {
            RedeploymentCase next = with(status, guidance, admissibility, replace(offer.remindedNow()), placement);
            return Optional.of(new Decision<>(next,
                    List.of(event(RedeploymentEvents.OFFER_DEADLINE_APPROACHING, new OfferDeadlineApproaching(idText(),
                            employee.employeeId(), employee.lineManagerId(), employee.entity(), offer.id().toString(),
                            offer.respondBy()))),
                    clock.did(now, "reminder: offer " + offer.number() + " to be answered by " + offer.respondBy(),
                            null)));
        }
        return Optional.empty();
    }

    public Decision<RedeploymentCase> close(String reason, Actor by, Instant now) {
        if (status.isClosed()) {
            throw new ConflictException("case-closed", "Case closed", "This case is already " + status + ".");
        }
        RedeploymentCase closed = with(CaseStatus.CLOSED, guidance, admissibility, offers, placement);
        return new Decision<>(closed, List.of(closed.closedEvent(reason)), by.did(now, "case closed", reason));
    }

    /** The same case as stored at this version (the optimistic lock of its next save). */
    public RedeploymentCase withVersion(int storedVersion) {
        return new RedeploymentCase(id, employee, status, openedAt, openedBy, guidance, admissibility, offers, placement,
                storedVersion);
    }

    /** Refused and expired offers: they survive restarts because they are part of the stored case. */
    public int refusals() {
        return (int) offers.stream().filter(o -> o.status().countsAsRefusal()).count();
    }

    public Optional<Offer> openOffer() {
        return offers.stream().filter(Offer::isOpen).findFirst();
    }

    public Optional<Offer> offer(UUID offerId) {
        return offers.stream().filter(o -> o.id().equals(offerId)).findFirst();
    }

    private List<OutgoingEvent<?>> placementEvents(Offer offer, boolean exOfficio) {
        Position p = offer.position();
        return List.of(
                event(RedeploymentEvents.EMPLOYEE_PLACED, new EmployeePlaced(idText(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), offer.id().toString(), p.title(), p.entity(), p.grade(),
                        p.vacancyId(), exOfficio)),
                closedEvent("placed"));
    }

    private OutgoingEvent<?> closedEvent(String reason) {
        return event(RedeploymentEvents.CASE_CLOSED, new CaseClosed(idText(), employee.employeeId(), employee.lineManagerId(),
                employee.entity(), reason));
    }

    private void requireInPool() {
        switch (status) {
            case IN_POOL -> { }
            case INTERNAL_TRAJECTORY -> throw new RuleViolationException("R-RED-2", "not-in-redeployment-pool",
                    "Not in the redeployment pool", "This employee follows an internal trajectory in their own entity and gets no offers.");
            case OPENED -> throw new RuleViolationException("R-RED-1", "not-registered", "Not registered",
                    "Offers go to employees admitted to the redeployment pool; admissibility has not been decided.");
            case PLACED, CLOSED -> throw new ConflictException("case-closed", "Case closed", "This case is " + status + ".");
            default -> throw new IllegalStateException(status.name());
        }
    }

    private Offer requireOpenOffer(UUID offerId, String act) {
        Offer offer = offer(offerId).orElseThrow(() -> new NotFoundException("offer", offerId));
        if (offer.status() == OfferStatus.EX_OFFICIO) {
            throw new RuleViolationException("R-RED-4", "ex-officio-offer-cannot-be-refused", "Placed ex officio",
                    "After two refusals the third offer places the employee ex officio; it cannot be answered any more.");
        }
        if (!offer.isOpen()) {
            throw new ConflictException("offer-not-open", "Offer not open",
                    "Offer " + offer.number() + " is " + offer.status() + "; only an open offer can be " + act + "ed.");
        }
        return offer;
    }

    private RedeploymentCase with(CaseStatus newStatus, Guidance newGuidance, Admissibility newAdmissibility,
                                  List<Offer> newOffers, Placement newPlacement) {
        return new RedeploymentCase(id, employee, newStatus, openedAt, openedBy, newGuidance, newAdmissibility, newOffers,
                newPlacement, version);
    }

    private List<Offer> replace(Offer changed) {
        return offers.stream().map(o -> o.id().equals(changed.id()) ? changed : o).toList();
    }

    private static List<Offer> append(List<Offer> offers, Offer offer) {
        List<Offer> more = new ArrayList<>(offers);
        more.add(offer);
        return more;
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, idText(), payload);
    }

    private String idText() {
        return id.toString();
    }
}
