package org.hrmobility.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the databases and Kafka hold once the suite is quiet, as the reconciliation needs it.
 *
 * @param aggregates     per flow, the aggregates its key finds in its service's database (none, one, or more when a
 *                       command created twice)
 * @param onKafka        per event id, how many records with it the decision topics hold (duplicates are allowed)
 * @param inbox          per consumer, the event ids it applied, each with its place in the order they were applied
 * @param notifications  per event id, the recipients told and how many notifications each got
 * @param employees      per service, which of the run's employees its copy of master data holds
 * @param deadLetters    per dead-letter topic, the records it holds
 */
public record Facts(Map<String, List<Aggregate>> aggregates, Map<String, Integer> onKafka, Map<String, Map<String, Long>> inbox,
                    Map<String, Map<String, Integer>> notifications, Map<String, Set<String>> employees,
                    Map<String, Long> deadLetters) {

    /** An aggregate (a case, an evaluation file, an application, a talent offer) and what its transactions wrote. */
    public record Aggregate(String id, List<String> history, List<Event> events) {
    }

    /** One row of a service's outbox, in outbox order. */
    public record Event(String id, String type, boolean sent) {
    }
}
