package org.hrmobility.contracts;

/**
 * Kafka topic names. One topic per producing context; the record key is always the aggregate id,
 * so the events of one case stay in order.
 */
public final class Topics {

    public static final String EMPLOYEES = "hrm.employees";
    public static final String MOBILITY_EVENTS = "hrm.mobility.events";
    public static final String REDEPLOYMENT_EVENTS = "hrm.redeployment.events";
    public static final String EVALUATION_EVENTS = "hrm.evaluation.events";
    public static final String RECRUITMENT_VACANCIES = "hrm.recruitment.vacancies";
    public static final String WORKBENCH_EVENTS = "hrm.workbench.events";

    private Topics() {
    }

    /** The dead-letter topic of one consumer group on one topic: {@code <topic>.<group>.dlq}. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }
}
