package org.hrmobility.redeployment.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.redeployment.AdmissibilityDecided;
import org.hrmobility.contracts.redeployment.CaseAssigned;
import org.hrmobility.contracts.redeployment.CaseClosed;
import org.hrmobility.contracts.redeployment.CaseOpened;
import org.hrmobility.contracts.redeployment.CaseReopened;
import org.hrmobility.contracts.redeployment.EmployeePlaced;
import org.hrmobility.contracts.redeployment.GuidanceRecorded;
import org.hrmobility.contracts.redeployment.OfferDeadlineApproaching;
import org.hrmobility.contracts.redeployment.OfferExpired;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.OfferRefused;
import org.hrmobility.contracts.redeployment.OfferWithdrawn;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.Assignment;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.redeployment.offer.Offer;
import org.hrmobility.redeployment.offer.OfferPolicy;
import org.hrmobility.redeployment.offer.OfferStatus;
import org.hrmobility.redeployment.offer.Position;
import org.hrmobility.redeployment.offer.WithdrawalCause;

/**
 * A redeployment case: the state machine of R-RED-1 to R-RED-5, with its corrections (R-COR-1, R-COR-2). Immutable;
 * each decision returns the case after it, the events it causes and its history line, or throws the refusal naming
 * the rule.
 *
 * @param closedFrom the status a closed case had, so that reopening it puts it back there
 * @param assignment the case handler responsible for the case, if one is
 */
public record RedeploymentCase(UUID id, EmployeeSnapshot employee, CaseStatus status, Instant openedAt, Actor openedBy,
                               Guidance guidance, Admissibility admissibility, List<Offer> offers, Placement placement,
                               CaseStatus closedFrom, Assignment assignment) {

    /** R-RED-4: refused at most twice; the offer after two refusals places ex officio. */
    public static final int REFUSALS_ALLOWED = 2;

    public RedeploymentCase {
        offers = List.copyOf(offers);
    }

    public static Decision<RedeploymentCase> open(UUID id, EmployeeSnapshot employee, Actor by, Instant now) {
        RedeploymentCase opened = new RedeploymentCase(id, employee, CaseStatus.OPENED, now, by, null, null, List.of(), null, null,
                null);
        return new Decision<>(opened,
                List.of(opened.event(RedeploymentEvents.CASE_OPENED, new CaseOpened(id.toString(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), by.subject(), now))),
                by.did(now, "case opened", null));
    }

    /** The same case with the employee's master data as it is today: events name today's line manager and entity. */
    public RedeploymentCase withEmployee(EmployeeSnapshot current) {
        return new RedeploymentCase(id, current, status, openedAt, openedBy, guidance, admissibility, offers, placement, closedFrom,
                assignment);
    }

    public Decision<RedeploymentCase> recordGuidance(Guidance trajectory, Actor by, Instant now) {
        if (status != CaseStatus.OPENED) {
            throw new ConflictException("guidance-after-admissibility", "Admissibility already decided",
                    "The guidance trajectory is recorded before the admissibility decision; this case is " + status + ".");
        }
        RedeploymentCase next = with(status, trajectory, admissibility, offers, placement, closedFrom);
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
        RedeploymentCase next = with(decided, guidance, new Admissibility(redeployable, motivation, now), offers, placement, closedFrom);
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
    public Decision<RedeploymentCase> makeOffer(UUID offerId, Position position, boolean vacancyOpen, Actor by, Instant now,
                                                LocalDate today, OfferPolicy policy) {
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
                    "Vacancy " + position.vacancyId() + " has been withdrawn, filled or closed.");
        }
        boolean exOfficio = refusals() >= REFUSALS_ALLOWED;
        int number = offers.size() + 1;
        LocalDate respondBy = today.plus(policy.responseTime());
        Offer offer = new Offer(offerId, number, position, now, respondBy, false,
                exOfficio ? OfferStatus.EX_OFFICIO : OfferStatus.OPEN, exOfficio ? now : null, null, null);
        List<Offer> withOffer = append(offers, offer);
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(RedeploymentEvents.OFFER_MADE, new OfferMade(idText(), employee.employeeId(), employee.lineManagerId(),
                employee.entity(), offerId.toString(), number, position.title(), position.entity(), position.grade(),
                position.vacancyId(), exOfficio ? null : respondBy, exOfficio)));
        if (!exOfficio) {
            return new Decision<>(with(status, guidance, admissibility, withOffer, placement, closedFrom), events,
                    by.did(now, "offer " + number + " made", position.title() + " (" + position.grade() + ")"));
        }
        RedeploymentCase placed = with(CaseStatus.PLACED, guidance, admissibility, withOffer, new Placement(offerId, true, now), null);
        events.addAll(placed.placementEvents(offer, true));
        return new Decision<>(placed, events, by.did(now, "placed ex officio (offer " + number + ")",
                "After " + REFUSALS_ALLOWED + " refusals the third offer cannot be refused: " + position.title()));
    }

    /** R-RED-5: an answer counts only until the offer's deadline, whether or not the deadline job has run. */
    public Decision<RedeploymentCase> accept(UUID offerId, Actor by, String reason, Instant now, LocalDate today) {
        Offer offer = requireAnswerable(offerId, "accepted", today);
        List<Offer> answered = replace(offer.answered(OfferStatus.ACCEPTED, now, reason));
        RedeploymentCase placed = with(CaseStatus.PLACED, guidance, admissibility, answered, new Placement(offerId, false, now), null);
        return new Decision<>(placed, placed.placementEvents(offer, false),
                by.did(now, "offer " + offer.number() + " accepted" + onBehalf(by), reason));
    }

    public Decision<RedeploymentCase> refuse(UUID offerId, Actor by, String reason, Instant now, LocalDate today) {
        Offer offer = requireAnswerable(offerId, "refused", today);
        boolean onBehalf = by.capacity() == Actor.Capacity.ON_BEHALF;
        RedeploymentCase next = with(status, guidance, admissibility, replace(offer.answered(OfferStatus.REFUSED, now, reason)),
                placement, closedFrom);
        return new Decision<>(next,
                List.of(event(RedeploymentEvents.OFFER_REFUSED, new OfferRefused(idText(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), offerId.toString(), next.refusals(), reason, onBehalf))),
                by.did(now, "offer " + offer.number() + " refused" + onBehalf(by), reason));
    }

    /**
     * R-RED-5: an open offer past its deadline counts as a refusal; one nearing it gets a reminder, once.
     * Empty when nothing is due.
     */
    public Optional<Decision<RedeploymentCase>> applyDeadline(Instant now, LocalDate today, OfferPolicy policy) {
        Optional<Offer> open = openOffer();
        if (open.isEmpty() || status.isClosed()) {
            return Optional.empty();
        }
        Offer offer = open.get();
        Actor clock = Actor.SYSTEM;
        Optional<Decision<RedeploymentCase>> expired = expiry(now, today);
        if (expired.isPresent()) {
            return expired;
        }
        if (!offer.reminded() && !today.isBefore(offer.respondBy().minus(policy.reminderBefore()))) {
            RedeploymentCase next = with(status, guidance, admissibility, replace(offer.remindedNow()), placement, closedFrom);
            return Optional.of(new Decision<>(next,
                    List.of(event(RedeploymentEvents.OFFER_DEADLINE_APPROACHING, new OfferDeadlineApproaching(idText(),
                            employee.employeeId(), employee.lineManagerId(), employee.entity(), offer.id().toString(),
                            offer.respondBy()))),
                    clock.did(now, "reminder: offer " + offer.number() + " to be answered by " + offer.respondBy(),
                            null)));
        }
        return Optional.empty();
    }

    /**
     * R-COR-2: closing ends the open offer, which then cannot be answered and does not count as a refusal. An offer
     * past its deadline expired then (R-RED-5), whether or not the deadline job has run: it stays a refusal, should
     * the case be reopened.
     */
    public Decision<RedeploymentCase> close(String reason, Actor by, Instant now, LocalDate today) {
        if (status.isClosed()) {
            throw new ConflictException("case-closed", "Case closed", "This case is already " + status + ".");
        }
        List<OutgoingEvent<?>> events = new ArrayList<>();
        StringBuilder what = new StringBuilder("case closed");
        RedeploymentCase current = this;
        Optional<Decision<RedeploymentCase>> expired = expiry(now, today);
        if (expired.isPresent()) {
            current = expired.get().next();
            events.addAll(expired.get().events());
            what.append("; ").append(expired.get().history().action());
        }
        List<Offer> ended = current.offers;
        Optional<Offer> open = current.openOffer();
        if (open.isPresent()) {
            ended = current.replace(open.get().withdrawn(WithdrawalCause.CASE_CLOSED, now, reason));
            events.add(withdrawnEvent(open.get(), WithdrawalCause.CASE_CLOSED, reason));
            what.append("; offer ").append(open.get().number()).append(" withdrawn, not counted as a refusal");
        }
        RedeploymentCase closed = current.with(CaseStatus.CLOSED, guidance, admissibility, ended, placement, status);
        events.add(closed.closedEvent(reason));
        return new Decision<>(closed, events, by.did(now, what.toString(), reason));
    }

    /** R-COR-1: a case closed by mistake is reopened where it was; a placement is not undone here. */
    public Decision<RedeploymentCase> reopen(String reason, Actor by, Instant now) {
        if (status != CaseStatus.CLOSED) {
            throw new ConflictException("case-not-closed", "Case not closed", status == CaseStatus.PLACED
                    ? "A placed case is not reopened: the placement stands; open a new case if the employee needs one."
                    : "Only a closed case can be reopened; this one is " + status + ".");
        }
        CaseStatus back = closedFrom == null ? (admissibility == null ? CaseStatus.OPENED
                : admissibility.redeployable() ? CaseStatus.IN_POOL : CaseStatus.INTERNAL_TRAJECTORY) : closedFrom;
        RedeploymentCase reopened = with(back, guidance, admissibility, offers, placement, null);
        return new Decision<>(reopened, List.of(event(RedeploymentEvents.CASE_REOPENED, new CaseReopened(idText(),
                employee.employeeId(), employee.lineManagerId(), employee.entity(), back.name(), reason))),
                by.did(now, "case reopened: " + back, reason));
    }

    /**
     * R-COR-1: an offer made in error is cancelled; it does not count as a refusal. That holds for one already refused
     * or expired too, as long as the case is in the pool: a refusal of an offer that should never have been made must
     * not bring the employee closer to a placement ex officio (R-RED-4).
     */
    public Decision<RedeploymentCase> cancelOffer(UUID offerId, String reason, Actor by, Instant now) {
        Offer offer = offer(offerId).orElseThrow(() -> new NotFoundException("offer", offerId));
        boolean countedInError = offer.status().countsAsRefusal() && status == CaseStatus.IN_POOL;
        Optional<Offer> later = openOffer();
        if (countedInError && later.isPresent()) {
            // the employee's open offer, the worklist and the notifications all follow the one open offer
            throw new ConflictException("offer-already-open", "Offer already open", "Offer " + later.get().number()
                    + " is open; it is answered, or cancelled, before an earlier offer is cancelled as made in error.");
        }
        if (!offer.isOpen() && !countedInError) {
            throw new ConflictException("offer-not-open", "Offer not open", "Offer " + offer.number() + " is " + offer.status()
                    + "; only an open offer, or a refused or expired one while the case is in the pool, can be cancelled"
                    + (offer.status() == OfferStatus.EX_OFFICIO ? " (a placement ex officio stands)." : "."));
        }
        RedeploymentCase next = with(status, guidance, admissibility, replace(offer.withdrawn(WithdrawalCause.CANCELLED, now, reason)),
                placement, closedFrom);
        return new Decision<>(next, List.of(withdrawnEvent(offer, WithdrawalCause.CANCELLED, reason)),
                by.did(now, "offer " + offer.number() + (countedInError ? ", " + offer.status().name().toLowerCase(Locale.ROOT) + "," : "")
                        + " cancelled as made in error, not counted as a refusal", reason));
    }

    /**
     * R-COR-2: the vacancy of the open offer was withdrawn or filled by another case: the offer ends without counting
     * as a refusal, unless its deadline had passed: it expired then (R-RED-5), before its vacancy went. Empty when the
     * case has no open offer on that vacancy.
     */
    public Optional<Decision<RedeploymentCase>> vacancyGone(String vacancyId, WithdrawalCause cause, Instant now, LocalDate today) {
        return openOffer().filter(o -> vacancyId.equals(o.position().vacancyId())).map(offer -> expiry(now, today).orElseGet(() -> {
            String reason = "Vacancy " + vacancyId + (cause == WithdrawalCause.VACANCY_FILLED ? " was filled by another placement."
                    : " was withdrawn by its recruitment system.");
            RedeploymentCase next = with(status, guidance, admissibility, replace(offer.withdrawn(cause, now, reason)), placement,
                    closedFrom);
            return new Decision<>(next, List.of(withdrawnEvent(offer, cause, reason)),
                    Actor.SYSTEM.did(now, "offer " + offer.number() + " withdrawn, not counted as a refusal", reason));
        }));
    }

    /** R-RED-5: the open offer past its deadline expires, counted as a refusal; empty when none is. */
    private Optional<Decision<RedeploymentCase>> expiry(Instant now, LocalDate today) {
        return openOffer().filter(offer -> today.isAfter(offer.respondBy())).map(offer -> {
            RedeploymentCase next = with(status, guidance, admissibility,
                    replace(offer.answered(OfferStatus.EXPIRED, now, "no answer by " + offer.respondBy())), placement, closedFrom);
            return new Decision<>(next,
                    List.of(event(RedeploymentEvents.OFFER_EXPIRED, new OfferExpired(idText(), employee.employeeId(),
                            employee.lineManagerId(), employee.entity(), offer.id().toString(), next.refusals(), offer.respondBy()))),
                    Actor.SYSTEM.did(now, "offer " + offer.number() + " expired, counts as a refusal", "no answer by " + offer.respondBy()));
        });
    }

    /** A case handler takes the case, or it passes to another with a reason; the case itself does not change. */
    public Decision<RedeploymentCase> assign(String handlerId, String reason, Actor by, Instant now) {
        Assignment next = Assignment.next(assignment, handlerId, reason, now);
        RedeploymentCase assigned = new RedeploymentCase(id, employee, status, openedAt, openedBy, guidance, admissibility, offers,
                placement, closedFrom, next);
        return new Decision<>(assigned,
                List.of(event(RedeploymentEvents.CASE_ASSIGNED, new CaseAssigned(idText(), employee.employeeId(),
                        employee.lineManagerId(), employee.entity(), handlerId, Assignment.handlerOf(assignment), reason))),
                by.did(now, next.describeFrom(assignment), reason));
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

    /** The vacancy the open offer is for, if any: a withdrawal or another placement ends that offer. */
    public String openVacancyId() {
        return openOffer().map(o -> o.position().vacancyId()).orElse(null);
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

    private OutgoingEvent<?> withdrawnEvent(Offer offer, WithdrawalCause cause, String reason) {
        return event(RedeploymentEvents.OFFER_WITHDRAWN, new OfferWithdrawn(idText(), employee.employeeId(),
                employee.lineManagerId(), employee.entity(), offer.id().toString(), offer.position().vacancyId(), cause.name(),
                reason));
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

    private Offer requireAnswerable(UUID offerId, String done, LocalDate today) {
        Offer offer = offer(offerId).orElseThrow(() -> new NotFoundException("offer", offerId));
        if (offer.status() == OfferStatus.EX_OFFICIO) {
            throw new RuleViolationException("R-RED-4", "ex-officio-offer-cannot-be-refused", "Placed ex officio",
                    "After two refusals the third offer places the employee ex officio; it cannot be answered any more.");
        }
        if (!offer.isOpen()) {
            throw new ConflictException("offer-not-open", "Offer not open",
                    "Offer " + offer.number() + " is " + offer.status() + "; only an open offer can be " + done + ".");
        }
        if (today.isAfter(offer.respondBy())) {
            throw new ConflictException("R-RED-5", "offer-deadline-passed", "Deadline passed",
                    "Offer " + offer.number() + " was to be answered by " + offer.respondBy()
                            + "; unanswered, it counts as a refusal.");
        }
        return offer;
    }

    private static String onBehalf(Actor by) {
        return by.capacity() == Actor.Capacity.ON_BEHALF ? " on the employee's behalf" : "";
    }

    private RedeploymentCase with(CaseStatus newStatus, Guidance newGuidance, Admissibility newAdmissibility,
                                  List<Offer> newOffers, Placement newPlacement, CaseStatus newClosedFrom) {
        return new RedeploymentCase(id, employee, newStatus, openedAt, openedBy, newGuidance, newAdmissibility, newOffers,
                newPlacement, newClosedFrom, assignment);
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
