package org.hrmobility.notification.workbench;

import static org.hrmobility.notification.routing.Audience.CASE_HANDLERS;
import static org.hrmobility.notification.routing.Audience.EMPLOYEE;
import static org.hrmobility.notification.routing.Audience.LINE_MANAGER;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.notification.routing.Audience;

/**
 * What awaits someone's action, as the decisions on the topics say: which event opens an item of each kind (and by
 * which payload date it is due), which events close it, and which payload field names the thing it is about. An item
 * is for an audience (the employee, their line manager or that manager's deputy, the case handlers of their entity),
 * resolved at read time from today's master data.
 */
enum WorkKind {

    GUIDANCE_TO_RECORD(LINE_MANAGER, "caseId",
            List.of(opens(RedeploymentEvents.CASE_OPENED, null),
                    opens(RedeploymentEvents.CASE_REOPENED, null, f -> "OPENED".equals(f.get("status")))),
            List.of(RedeploymentEvents.GUIDANCE_RECORDED, RedeploymentEvents.CASE_CLOSED, RedeploymentEvents.EMPLOYEE_PLACED)),
    ADMISSIBILITY_TO_DECIDE(CASE_HANDLERS, "caseId",
            List.of(opens(RedeploymentEvents.GUIDANCE_RECORDED, null)),
            List.of(RedeploymentEvents.ADMISSIBILITY_DECIDED, RedeploymentEvents.CASE_CLOSED)),
    OFFER_TO_ANSWER(EMPLOYEE, "caseId",
            List.of(opens(RedeploymentEvents.OFFER_MADE, "respondBy", f -> !Boolean.TRUE.equals(f.get("exOfficio"))),
                    opens(RedeploymentEvents.OFFER_DEADLINE_APPROACHING, "respondBy")),
            List.of(RedeploymentEvents.OFFER_REFUSED, RedeploymentEvents.OFFER_EXPIRED, RedeploymentEvents.OFFER_WITHDRAWN,
                    RedeploymentEvents.EMPLOYEE_PLACED, RedeploymentEvents.CASE_CLOSED)),
    NEXT_OFFER_TO_MAKE(CASE_HANDLERS, "caseId",
            List.of(opens(RedeploymentEvents.ADMISSIBILITY_DECIDED, null, f -> Boolean.TRUE.equals(f.get("redeployable"))),
                    opens(RedeploymentEvents.OFFER_REFUSED, null), opens(RedeploymentEvents.OFFER_EXPIRED, null),
                    opens(RedeploymentEvents.OFFER_WITHDRAWN, null, f -> !"CASE_CLOSED".equals(f.get("cause"))),
                    opens(RedeploymentEvents.CASE_REOPENED, null, f -> "IN_POOL".equals(f.get("status")))),
            List.of(RedeploymentEvents.OFFER_MADE, RedeploymentEvents.CASE_CLOSED, RedeploymentEvents.EMPLOYEE_PLACED)),
    EVALUATION_DUE(LINE_MANAGER, "employeeId",
            List.of(opens(EvaluationEvents.FOLLOW_UP_OPENED, "earliestNext"), opens(EvaluationEvents.FOLLOW_UP_EVALUATION_DUE, "earliestNext"),
                    opens(EvaluationEvents.EVALUATION_RECORDED, "followUpNextOn", f -> f.get("followUpNextOn") != null),
                    opens(EvaluationEvents.EVALUATION_CORRECTED, "followUpNextOn", f -> f.get("followUpNextOn") != null)),
            List.of(EvaluationEvents.EVALUATION_RECORDED, EvaluationEvents.EVALUATION_CORRECTED, EvaluationEvents.FOLLOW_UP_CLOSED,
                    EvaluationEvents.DISMISSAL_MANDATED, EvaluationEvents.DISMISSAL_PROPOSED)),
    PROPOSAL_TO_DECIDE(CASE_HANDLERS, "employeeId",
            List.of(opens(EvaluationEvents.DISMISSAL_PROPOSED, null),
                    opens(EvaluationEvents.EVALUATION_CORRECTED, null, f -> "DISMISSAL_PROPOSED".equals(f.get("state")))),
            List.of(EvaluationEvents.DISMISSAL_PROPOSAL_DECIDED, EvaluationEvents.EVALUATION_CORRECTED)),
    PROBATION_ENDING(LINE_MANAGER, "probationId",
            List.of(opens(EvaluationEvents.PROBATION_STARTED, "endsOn"), opens(EvaluationEvents.PROBATION_ENDING_SOON, "endsOn"),
                    opens(EvaluationEvents.PROBATION_CORRECTED, "endsOn", f -> "RUNNING".equals(f.get("outcome")))),
            List.of(EvaluationEvents.PROBATION_ENDED, EvaluationEvents.PROBATION_CORRECTED)),
    ALLOWANCE_ENDING(LINE_MANAGER, "allowanceId",
            List.of(opens(MobilityEvents.ALLOWANCE_GRANTED, "endsOn"), opens(MobilityEvents.ALLOWANCE_EXTENDED, "endsOn"),
                    opens(MobilityEvents.ALLOWANCE_ENDING_SOON, "endsOn")),
            List.of(MobilityEvents.ALLOWANCE_ENDED)),
    AGREEMENT_TO_GIVE(LINE_MANAGER, "applicationId",
            List.of(opens(MobilityEvents.APPLICATION_SUBMITTED, "startsOn")),
            List.of(MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER, MobilityEvents.APPLICATION_REFUSED,
                    MobilityEvents.APPLICATION_WITHDRAWN)),
    HOST_DECISION_TO_RECORD(CASE_HANDLERS, "applicationId",
            List.of(opens(MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER, null)),
            List.of(MobilityEvents.APPLICATION_APPROVED, MobilityEvents.APPLICATION_REFUSED, MobilityEvents.APPLICATION_WITHDRAWN)),
    SECONDMENT_AGREEMENT_TO_GIVE(LINE_MANAGER, "secondmentId",
            List.of(opens(MobilityEvents.SECONDMENT_REQUESTED, "startsOn")),
            List.of(MobilityEvents.SECONDMENT_AGREED_BY_LINE_MANAGER, MobilityEvents.SECONDMENT_REFUSED,
                    MobilityEvents.SECONDMENT_WITHDRAWN)),
    SECONDMENT_HOST_TO_RECORD(CASE_HANDLERS, "secondmentId",
            List.of(opens(MobilityEvents.SECONDMENT_AGREED_BY_LINE_MANAGER, null)),
            List.of(MobilityEvents.SECONDMENT_APPROVED, MobilityEvents.SECONDMENT_REFUSED, MobilityEvents.SECONDMENT_WITHDRAWN)),
    SECONDMENT_STARTING(LINE_MANAGER, "secondmentId",
            List.of(opens(MobilityEvents.SECONDMENT_APPROVED, "startsOn")),
            List.of(MobilityEvents.SECONDMENT_ACTIVATED, MobilityEvents.SECONDMENT_WITHDRAWN, MobilityEvents.SECONDMENT_ENDED)),
    SECONDMENT_ENDING(LINE_MANAGER, "secondmentId",
            List.of(opens(MobilityEvents.SECONDMENT_APPROVED, "endsOn")),
            List.of(MobilityEvents.SECONDMENT_ENDED, MobilityEvents.SECONDMENT_WITHDRAWN)),
    CONSENT_TO_GIVE(LINE_MANAGER, "offerId",
            List.of(opens(MobilityEvents.TALENT_OFFER_PROPOSED, "availableFrom")),
            List.of(MobilityEvents.TALENT_OFFER_PUBLISHED, MobilityEvents.TALENT_OFFER_DECLINED, MobilityEvents.TALENT_OFFER_WITHDRAWN));

    /** An event that opens (or renews) an item of a kind, due on the date of {@code dueField} when it has one. */
    record Opening(EventType<?> type, String dueField, Predicate<Map<String, Object>> when) {
    }

    private final Audience audience;
    private final String keyField;
    private final List<Opening> openings;
    private final List<EventType<?>> closings;

    WorkKind(Audience audience, String keyField, List<Opening> openings, List<EventType<?>> closings) {
        this.audience = audience;
        this.keyField = keyField;
        this.openings = openings;
        this.closings = closings;
    }

    private static Opening opens(EventType<?> type, String dueField) {
        return new Opening(type, dueField, fields -> true);
    }

    private static Opening opens(EventType<?> type, String dueField, Predicate<Map<String, Object>> when) {
        return new Opening(type, dueField, when);
    }

    Audience audience() {
        return audience;
    }

    /** The thing an item of this kind is about, in an event's payload (a case, an application, the employee). */
    Optional<String> key(Map<String, Object> fields) {
        Object value = fields.get(keyField);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** The opening this event makes, if it opens an item of this kind. */
    Optional<Opening> opening(String ceType, Map<String, Object> fields) {
        return openings.stream().filter(o -> o.type().ceType().equals(ceType) && o.when().test(fields)).findFirst();
    }

    boolean closes(String ceType) {
        return closings.stream().anyMatch(t -> t.ceType().equals(ceType));
    }
}
