package org.hrmobility.contracts.redeployment;

import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;

/** The decisions of the redeployment service, on {@code hrm.redeployment.events}, keyed by case id (vacancies by vacancy id). */
public final class RedeploymentEvents {

    public static final String CONTEXT = "redeployment";

    public static final EventType<CaseOpened> CASE_OPENED = type("CaseOpened", CaseOpened.class);
    public static final EventType<GuidanceRecorded> GUIDANCE_RECORDED = type("GuidanceRecorded", GuidanceRecorded.class);
    public static final EventType<AdmissibilityDecided> ADMISSIBILITY_DECIDED =
            type("AdmissibilityDecided", AdmissibilityDecided.class);
    public static final EventType<OfferMade> OFFER_MADE = type("OfferMade", OfferMade.class);
    public static final EventType<OfferRefused> OFFER_REFUSED = type("OfferRefused", OfferRefused.class);
    public static final EventType<OfferExpired> OFFER_EXPIRED = type("OfferExpired", OfferExpired.class);
    public static final EventType<OfferDeadlineApproaching> OFFER_DEADLINE_APPROACHING =
            type("OfferDeadlineApproaching", OfferDeadlineApproaching.class);
    public static final EventType<EmployeePlaced> EMPLOYEE_PLACED = type("EmployeePlaced", EmployeePlaced.class);
    public static final EventType<CaseClosed> CASE_CLOSED = type("CaseClosed", CaseClosed.class);
    public static final EventType<VacancyFilled> VACANCY_FILLED = type("VacancyFilled", VacancyFilled.class);
    public static final EventType<OfferWithdrawn> OFFER_WITHDRAWN = type("OfferWithdrawn", OfferWithdrawn.class);
    public static final EventType<CaseReopened> CASE_REOPENED = type("CaseReopened", CaseReopened.class);
    public static final EventType<CaseAssigned> CASE_ASSIGNED = type("CaseAssigned", CaseAssigned.class);

    public static final List<EventType<?>> ALL = List.of(CASE_OPENED, GUIDANCE_RECORDED, ADMISSIBILITY_DECIDED, OFFER_MADE,
            OFFER_REFUSED, OFFER_EXPIRED, OFFER_DEADLINE_APPROACHING, EMPLOYEE_PLACED, CASE_CLOSED, VACANCY_FILLED, OFFER_WITHDRAWN, CASE_REOPENED,
            CASE_ASSIGNED);

    private RedeploymentEvents() {
    }

    private static <T> EventType<T> type(String name, Class<T> payload) {
        return EventType.of(CONTEXT, name, 1, Topics.REDEPLOYMENT_EVENTS, payload);
    }
}
