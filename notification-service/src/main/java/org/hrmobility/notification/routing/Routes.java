package org.hrmobility.notification.routing;

import static org.hrmobility.notification.routing.Audience.CASE_HANDLERS;
import static org.hrmobility.notification.routing.Audience.EMPLOYEE;
import static org.hrmobility.notification.routing.Audience.LINE_MANAGER;
import static org.hrmobility.notification.routing.Route.tell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;

/**
 * Who must know of which decision (docs/domain.md, "Notifications"). An event type without a route concerns nobody
 * personally (a call opened, a talent offer published): machine subscribers may still follow it by webhook.
 */
public final class Routes {

    // links go to the console's page of what an event is about; apiPath gives the API's address of the same thing
    private static final String CASE = "/console/cases/{caseId}";
    private static final String FOLLOW_UP = "/console/evaluations/{employeeId}";
    private static final String PROBATIONS = "/console/evaluations/probations";
    private static final String APPLICATION = "/console/mobility/applications/{applicationId}";
    private static final String SECONDMENT = "/console/mobility/secondments/{secondmentId}";
    private static final String ALLOWANCE = "/console/mobility/allowances/{allowanceId}";
    private static final String TALENT_OFFER = "/console/mobility/talent-offers/{offerId}";
    private static final String TALENT_REQUEST = "/console/mobility/talent-requests/{requestId}";
    private static final String CONSOLE = "/console/";

    private static final List<Route> ALL = List.of(
            // redeployment (R-RED-1..6)
            tell(RedeploymentEvents.CASE_OPENED, CASE, EMPLOYEE, LINE_MANAGER).expecting(LINE_MANAGER, null),
            tell(RedeploymentEvents.GUIDANCE_RECORDED, CASE, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(RedeploymentEvents.ADMISSIBILITY_DECIDED, CASE, EMPLOYEE, LINE_MANAGER),
            tell(RedeploymentEvents.OFFER_MADE, CASE, EMPLOYEE, LINE_MANAGER).expecting(EMPLOYEE, "respondBy"),
            tell(RedeploymentEvents.OFFER_DEADLINE_APPROACHING, CASE, EMPLOYEE).expecting(EMPLOYEE, "respondBy"),
            tell(RedeploymentEvents.OFFER_REFUSED, CASE, LINE_MANAGER, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(RedeploymentEvents.OFFER_EXPIRED, CASE, EMPLOYEE, LINE_MANAGER, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(RedeploymentEvents.EMPLOYEE_PLACED, CASE, EMPLOYEE, LINE_MANAGER, CASE_HANDLERS),
            tell(RedeploymentEvents.CASE_CLOSED, CASE, EMPLOYEE, LINE_MANAGER),
            tell(RedeploymentEvents.VACANCY_FILLED, CASE, CASE_HANDLERS),
            tell(RedeploymentEvents.OFFER_WITHDRAWN, CASE, EMPLOYEE, LINE_MANAGER, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(RedeploymentEvents.CASE_REOPENED, CASE, EMPLOYEE, LINE_MANAGER),
            tell(RedeploymentEvents.CASE_ASSIGNED, CASE, CASE_HANDLERS),
            // evaluation (R-EVA-1..6)
            tell(EvaluationEvents.EVALUATION_RECORDED, FOLLOW_UP, EMPLOYEE),
            tell(EvaluationEvents.FOLLOW_UP_OPENED, FOLLOW_UP, EMPLOYEE, LINE_MANAGER).expecting(LINE_MANAGER, "earliestNext"),
            tell(EvaluationEvents.FOLLOW_UP_EVALUATION_DUE, FOLLOW_UP, LINE_MANAGER).expecting(LINE_MANAGER, "earliestNext"),
            tell(EvaluationEvents.FOLLOW_UP_CLOSED, FOLLOW_UP, EMPLOYEE, LINE_MANAGER),
            tell(EvaluationEvents.DISMISSAL_PROPOSED, FOLLOW_UP, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(EvaluationEvents.DISMISSAL_PROPOSAL_DECIDED, FOLLOW_UP, EMPLOYEE, LINE_MANAGER),
            tell(EvaluationEvents.DISMISSAL_MANDATED, FOLLOW_UP, LINE_MANAGER, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(EvaluationEvents.CONTRACTUAL_DISMISSAL_RECORDED, FOLLOW_UP, EMPLOYEE, LINE_MANAGER),
            tell(EvaluationEvents.PROBATION_STARTED, PROBATIONS, EMPLOYEE, LINE_MANAGER),
            tell(EvaluationEvents.PROBATION_ENDING_SOON, PROBATIONS, LINE_MANAGER).expecting(LINE_MANAGER, "endsOn"),
            tell(EvaluationEvents.PROBATION_ENDED, PROBATIONS, EMPLOYEE, LINE_MANAGER),
            tell(EvaluationEvents.PROBATION_CORRECTED, PROBATIONS, EMPLOYEE, LINE_MANAGER).expecting(LINE_MANAGER, null),
            tell(EvaluationEvents.EVALUATION_CORRECTED, FOLLOW_UP, EMPLOYEE, LINE_MANAGER, CASE_HANDLERS).expecting(LINE_MANAGER, null),
            tell(EvaluationEvents.DISMISSAL_MANDATE_LIFTED, FOLLOW_UP, EMPLOYEE, LINE_MANAGER, CASE_HANDLERS)
                    .expecting(CASE_HANDLERS, null),
            // mobility (R-MOB-1..9)
            tell(MobilityEvents.APPLICATION_SUBMITTED, APPLICATION, LINE_MANAGER).expecting(LINE_MANAGER, "startsOn"),
            tell(MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER, APPLICATION, EMPLOYEE, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(MobilityEvents.APPLICATION_APPROVED, APPLICATION, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.APPLICATION_REFUSED, APPLICATION, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.APPLICATION_WITHDRAWN, APPLICATION, LINE_MANAGER, CASE_HANDLERS),
            tell(MobilityEvents.SECONDMENT_REQUESTED, SECONDMENT, LINE_MANAGER).expecting(LINE_MANAGER, "startsOn"),
            tell(MobilityEvents.SECONDMENT_AGREED_BY_LINE_MANAGER, SECONDMENT, EMPLOYEE, CASE_HANDLERS).expecting(CASE_HANDLERS, null),
            tell(MobilityEvents.SECONDMENT_REFUSED, SECONDMENT, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.SECONDMENT_APPROVED, SECONDMENT, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.SECONDMENT_ACTIVATED, SECONDMENT, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.SECONDMENT_WITHDRAWN, SECONDMENT, EMPLOYEE, LINE_MANAGER, CASE_HANDLERS),
            tell(MobilityEvents.SECONDMENT_ENDED, SECONDMENT, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.ALLOWANCE_GRANTED, ALLOWANCE, EMPLOYEE),
            tell(MobilityEvents.ALLOWANCE_EXTENDED, ALLOWANCE, EMPLOYEE),
            tell(MobilityEvents.ALLOWANCE_ENDED, ALLOWANCE, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.ALLOWANCE_ENDING_SOON, ALLOWANCE, EMPLOYEE, LINE_MANAGER).expecting(LINE_MANAGER, "endsOn"),
            tell(MobilityEvents.ASSIGNMENT_MADE, TALENT_OFFER, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.ASSIGNMENT_CANCELLED, TALENT_OFFER, EMPLOYEE, LINE_MANAGER),
            tell(MobilityEvents.TALENT_OFFER_WITHDRAWN, TALENT_OFFER, LINE_MANAGER),
            tell(MobilityEvents.TALENT_REQUEST_WITHDRAWN, TALENT_REQUEST, EMPLOYEE),
            tell(MobilityEvents.INBOUND_TRANSFER_RECORDED, "/console/mobility/inbound-transfers", CASE_HANDLERS),
            tell(MobilityEvents.TALENT_OFFER_PROPOSED, TALENT_OFFER, LINE_MANAGER).expecting(LINE_MANAGER, "availableFrom"),
            tell(MobilityEvents.TALENT_OFFER_DECLINED, TALENT_OFFER, EMPLOYEE));

    private static final Map<String, Route> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(r -> r.type().ceType(), Function.identity()));

    private Routes() {
    }

    public static List<Route> all() {
        return ALL;
    }

    public static Optional<Route> forCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** The API's address of what a console page shows: {@code /console/cases/1} is {@code /api/redeployment/cases/1}. */
    public static String apiPath(String consolePath) {
        if (!consolePath.startsWith(CONSOLE)) {
            return consolePath;
        }
        String rest = consolePath.substring(CONSOLE.length());
        if (rest.startsWith("cases/")) {
            return "/api/redeployment/" + rest;
        }
        if (rest.startsWith("evaluations/probations")) {
            return "/api/" + rest;
        }
        if (rest.startsWith("evaluations/")) {
            return "/api/evaluations/follow-ups/" + rest.substring("evaluations/".length());
        }
        return "/api/" + rest;
    }
}
