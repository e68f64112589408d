package org.hrmobility.chaos;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;

/**
 * Who the notification service's routes tell of each event the chaos run causes (notification-service's {@code Routes}):
 * the employee, their line manager, the case handlers of their entity. Every employee of the run reports to lars
 * (E-0002) in DEPT-WSE, so a recipient's key is {@code person:<employee>}, {@code person:E-0002} or {@code team:DEPT-WSE}.
 */
public final class ExpectedRecipients {

    static final String LINE_MANAGER = "E-0002";
    static final String ENTITY = "DEPT-WSE";

    private enum Audience { EMPLOYEE, LINE_MANAGER, CASE_HANDLERS }

    private static final Map<String, List<Audience>> ROUTES = Map.ofEntries(
            route(RedeploymentEvents.CASE_OPENED, Audience.EMPLOYEE, Audience.LINE_MANAGER),
            route(RedeploymentEvents.GUIDANCE_RECORDED, Audience.CASE_HANDLERS),
            route(RedeploymentEvents.ADMISSIBILITY_DECIDED, Audience.EMPLOYEE, Audience.LINE_MANAGER),
            route(RedeploymentEvents.OFFER_MADE, Audience.EMPLOYEE, Audience.LINE_MANAGER),
            route(RedeploymentEvents.OFFER_REFUSED, Audience.LINE_MANAGER, Audience.CASE_HANDLERS),
            route(RedeploymentEvents.EMPLOYEE_PLACED, Audience.EMPLOYEE, Audience.LINE_MANAGER, Audience.CASE_HANDLERS),
            route(RedeploymentEvents.CASE_CLOSED, Audience.EMPLOYEE, Audience.LINE_MANAGER),
            route(EvaluationEvents.EVALUATION_RECORDED, Audience.EMPLOYEE),
            route(EvaluationEvents.FOLLOW_UP_OPENED, Audience.EMPLOYEE, Audience.LINE_MANAGER),
            route(MobilityEvents.APPLICATION_SUBMITTED, Audience.LINE_MANAGER),
            route(MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER, Audience.EMPLOYEE, Audience.CASE_HANDLERS),
            route(MobilityEvents.APPLICATION_APPROVED, Audience.EMPLOYEE, Audience.LINE_MANAGER),
            route(MobilityEvents.TALENT_OFFER_PROPOSED, Audience.LINE_MANAGER),
            route(MobilityEvents.TALENT_OFFER_PUBLISHED));

    private ExpectedRecipients() {
    }

    /** The recipients' keys an event of this type about this employee must reach, once each. */
    public static Set<String> of(String ceType, String employeeId) {
        Set<String> recipients = new LinkedHashSet<>();
        for (Audience audience : ROUTES.getOrDefault(ceType, List.of())) {
            recipients.add(switch (audience) {
                case EMPLOYEE -> "person:" + employeeId;
                case LINE_MANAGER -> "person:" + LINE_MANAGER;
                case CASE_HANDLERS -> "team:" + ENTITY;
            });
        }
        return recipients;
    }

    private static Map.Entry<String, List<Audience>> route(EventType<?> type, Audience... told) {
        return Map.entry(type.ceType(), List.of(told));
    }
}
