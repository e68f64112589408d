package org.hrmobility.chaos;

import java.util.ArrayList;
import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;

/**
 * The kinds of flow the chaos run drives, each a short sequence of commands on one aggregate, and what each command
 * leaves behind when it takes effect: one history line on the aggregate and these events, in this order, in the same
 * transaction. The reconciliation reads the databases against these.
 */
public enum Workload {

    /** R-RED-1..4: a case opened, guidance, admissibility, two offers refused, the third placing ex officio. */
    REDEPLOYMENT("redeployment", Topics.REDEPLOYMENT_EVENTS, "notification-redeployment", List.of(
            step("open case", RedeploymentEvents.CASE_OPENED),
            step("guidance", RedeploymentEvents.GUIDANCE_RECORDED),
            step("admissibility", RedeploymentEvents.ADMISSIBILITY_DECIDED),
            step("offer 1", RedeploymentEvents.OFFER_MADE),
            step("refusal 1", RedeploymentEvents.OFFER_REFUSED),
            step("offer 2", RedeploymentEvents.OFFER_MADE),
            step("refusal 2", RedeploymentEvents.OFFER_REFUSED),
            step("offer 3, ex officio", RedeploymentEvents.OFFER_MADE, RedeploymentEvents.EMPLOYEE_PLACED, RedeploymentEvents.CASE_CLOSED))),

    /** R-EVA-3: a good evaluation, an insufficient one opening a follow-up, a guidance action in it (no event). */
    EVALUATION("evaluation", Topics.EVALUATION_EVENTS, "notification-evaluation", List.of(
            step("evaluation GOOD", EvaluationEvents.EVALUATION_RECORDED),
            step("evaluation INSUFFICIENT", EvaluationEvents.EVALUATION_RECORDED, EvaluationEvents.FOLLOW_UP_OPENED),
            step("guidance action"))),

    /** R-MOB-5: an application to an exchange call, the line manager's agreement, the host's green light. */
    APPLICATION("mobility", Topics.MOBILITY_EVENTS, "notification-mobility", List.of(
            step("apply", MobilityEvents.APPLICATION_SUBMITTED),
            step("line manager agrees", MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER),
            step("host agrees", MobilityEvents.APPLICATION_APPROVED))),

    /** R-MOB-8: a talent offer, published with the line manager's consent. */
    TALENT_OFFER("mobility", Topics.MOBILITY_EVENTS, "notification-mobility", List.of(
            step("talent offer", MobilityEvents.TALENT_OFFER_PROPOSED),
            step("consent", MobilityEvents.TALENT_OFFER_PUBLISHED)));

    /** One command of a flow and the event types its transaction writes. */
    public record Step(String name, List<String> events) {
    }

    private final String database;
    private final String topic;
    private final String notificationConsumer;
    private final List<Step> steps;

    Workload(String database, String topic, String notificationConsumer, List<Step> steps) {
        this.database = database;
        this.topic = topic;
        this.notificationConsumer = notificationConsumer;
        this.steps = steps;
    }

    public String database() {
        return database;
    }

    public String topic() {
        return topic;
    }

    /** The notification service's inbox consumer of this workload's topic. */
    public String notificationConsumer() {
        return notificationConsumer;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The events of the first {@code effects} steps, in order: what the aggregate's outbox holds after them. */
    public List<String> eventsAfter(int effects) {
        List<String> events = new ArrayList<>();
        steps.subList(0, Math.min(effects, steps.size())).forEach(s -> events.addAll(s.events()));
        return events;
    }

    private static Step step(String name, EventType<?>... events) {
        return new Step(name, java.util.Arrays.stream(events).map(EventType::ceType).toList());
    }
}
