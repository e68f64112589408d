package org.hrmobility.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every command of a run against what the databases, Kafka and the inboxes hold once the suite is quiet. Pure: the
 * command log and the {@link Facts} in, the counts and the findings out.
 * <ul>
 *   <li>a command answered 2xx has exactly one effect: its history line on the aggregate and its events, in order, in
 *       the service's database; one without is <b>lost</b>, a second is <b>duplicated</b>;</li>
 *   <li>a command answered 4xx has none; one not answered (5xx, timeout, reset) has all of it or none: anything else (a
 *       history line without its events, events of half a step, an effect of a refused command) is <b>partial</b>;</li>
 *   <li>every event written is on its Kafka topic (more than once is allowed);</li>
 *   <li>the notification service applied every event exactly once, and an aggregate's events in the order they were
 *       written, and told each recipient the routes name exactly once;</li>
 *   <li>every service's copy of master data holds every employee the run published;</li>
 *   <li>no dead-letter topic holds a record.</li>
 * </ul>
 */
public final class Reconciliation {

    /** At most this many findings are kept with their details; the counts cover all. */
    static final int FINDINGS_KEPT = 200;

    /** One thing found wrong, for the report. */
    public record Finding(String kind, String flowId, String detail) {
        @Override
        public String toString() {
            return kind + " " + flowId + ": " + detail;
        }
    }

    /** The run's counts and its findings. */
    public record Result(int commands, Map<Command.Outcome, Integer> outcomes, int effects, int lost, int duplicated, int partial,
                         int notOnKafka, int notConsumed, int consumedOutOfOrder, int notificationsMissing,
                         int notificationsDuplicated, int notificationsUnexpected, int masterDataMissing, long deadLetters,
                         int findingsTotal, List<Finding> findings) {

        /** True when nothing was lost, doubled, half done, left on the way or dead-lettered. */
        public boolean clean() {
            return lost == 0 && duplicated == 0 && partial == 0 && notOnKafka == 0 && notConsumed == 0 && consumedOutOfOrder == 0
                    && notificationsMissing == 0 && notificationsDuplicated == 0 && masterDataMissing == 0 && deadLetters == 0;
        }
    }

    private final Facts facts;
    private final Map<Command.Outcome, Integer> outcomes = new EnumMap<>(Command.Outcome.class);
    private final List<Finding> findings = new ArrayList<>();
    private int findingsTotal;
    private int commands;
    private int effects;
    private int lost;
    private int duplicated;
    private int partial;
    private int notOnKafka;
    private int notConsumed;
    private int outOfOrder;
    private int notificationsMissing;
    private int notificationsDuplicated;
    private int notificationsUnexpected;
    private int masterDataMissing;

    private Reconciliation(Facts facts) {
        this.facts = facts;
        for (Command.Outcome o : Command.Outcome.values()) {
            outcomes.put(o, 0);
        }
    }

    /**
     * @param employees the employees the run published as master data (every service must hold them all)
     * @param services  the services whose copy of master data is checked
     */
    public static Result reconcile(Collection<FlowLog> flows, Set<String> employees, Collection<String> services, Facts facts) {
        Reconciliation r = new Reconciliation(facts);
        flows.forEach(r::flow);
        r.masterData(employees, services);
        long deadLetters = facts.deadLetters().values().stream().mapToLong(Long::longValue).sum();
        facts.deadLetters().forEach((topic, records) -> {
            if (records > 0) {
                r.find("dead letters", topic, records + " record(s)");
            }
        });
        return new Result(r.commands, Map.copyOf(r.outcomes), r.effects, r.lost, r.duplicated, r.partial, r.notOnKafka, r.notConsumed,
                r.outOfOrder, r.notificationsMissing, r.notificationsDuplicated, r.notificationsUnexpected, r.masterDataMissing,
                deadLetters, r.findingsTotal, List.copyOf(r.findings));
    }

    private void flow(FlowLog flow) {
        commands += flow.commands().size();
        flow.commands().forEach(c -> outcomes.merge(c.outcome(), 1, Integer::sum));
        List<Facts.Aggregate> found = facts.aggregates().getOrDefault(flow.id(), List.of());
        int done = flow.done();
        Command.Outcome stopped = flow.stoppedAt();
        int allowed = stopped == Command.Outcome.UNKNOWN ? done + 1 : done;
        if (found.isEmpty()) {
            if (done > 0) {
                lost += done;
                find("lost", flow.id(), done + " command(s) answered 2xx, no " + flow.workload().name().toLowerCase() + " found for "
                        + flow.key());
            }
            return;
        }
        // the aggregate with the most history is the flow's; any other is a second creation
        List<Facts.Aggregate> ranked = found.stream()
                .sorted(java.util.Comparator.comparingInt((Facts.Aggregate a) -> a.history().size()).reversed()).toList();
        if (ranked.size() > 1) {
            duplicated += ranked.size() - 1;
            find("duplicated", flow.id(), ranked.size() + " aggregates for one flow (" + flow.key() + "): "
                    + ranked.stream().map(Facts.Aggregate::id).toList());
        }
        aggregate(flow, ranked.get(0), done, allowed, stopped);
        for (Facts.Aggregate second : ranked.subList(1, ranked.size())) {
            consistent(flow, second);
            events(flow, second);
        }
    }

    /** Its history lines and its events tell the same steps; else half of a step was kept. */
    private void consistent(FlowLog flow, Facts.Aggregate aggregate) {
        int history = aggregate.history().size();
        List<String> written = aggregate.events().stream().map(Facts.Event::type).toList();
        if (!written.equals(flow.workload().eventsAfter(history))) {
            partial++;
            find("partial", flow.id(), history + " history line(s) on " + aggregate.id() + " but events " + written
                    + ", expected " + flow.workload().eventsAfter(history));
        }
    }

    private void aggregate(FlowLog flow, Facts.Aggregate aggregate, int done, int allowed, Command.Outcome stopped) {
        int history = aggregate.history().size();
        consistent(flow, aggregate);
        effects += Math.min(history, flow.workload().steps().size());
        if (history < done) {
            lost += done - history;
            find("lost", flow.id(), (done - history) + " of " + done + " command(s) answered 2xx left no effect on " + aggregate.id());
        } else if (history > allowed) {
            if (stopped == Command.Outcome.REFUSED && history == done + 1) {
                partial++;
                find("partial", flow.id(), "'" + flow.workload().steps().get(done).name() + "' was answered "
                        + flow.commands().get(done).status() + " yet took effect on " + aggregate.id());
            } else {
                duplicated += history - allowed;
                find("duplicated", flow.id(), history + " history line(s) on " + aggregate.id() + " for " + flow.commands().size()
                        + " command(s), at most " + allowed + " possible");
            }
        }
        events(flow, aggregate);
    }

    private void events(FlowLog flow, Facts.Aggregate aggregate) {
        Map<String, Long> applied = facts.inbox().getOrDefault(flow.workload().notificationConsumer(), Map.of());
        long lastRank = Long.MIN_VALUE;
        for (Facts.Event event : aggregate.events()) {
            int copies = facts.onKafka().getOrDefault(event.id(), 0);
            if (!event.sent() || copies == 0) {
                notOnKafka++;
                find("not on Kafka", flow.id(), event.type() + " " + event.id() + (event.sent() ? " marked sent, not on " : " unsent, not on ")
                        + flow.workload().topic());
            }
            Long rank = applied.get(event.id());
            if (rank == null) {
                notConsumed++;
                find("not consumed", flow.id(), event.type() + " " + event.id() + " not in " + flow.workload().notificationConsumer()
                        + "'s inbox");
            } else {
                if (rank < lastRank) {
                    outOfOrder++;
                    find("out of order", flow.id(), event.type() + " " + event.id() + " applied before an earlier event of "
                            + aggregate.id());
                }
                lastRank = Math.max(lastRank, rank);
            }
            notifications(flow, event, rank != null);
        }
    }

    private void notifications(FlowLog flow, Facts.Event event, boolean consumed) {
        Set<String> expected = ExpectedRecipients.of(event.type(), flow.employeeId());
        Map<String, Integer> told = facts.notifications().getOrDefault(event.id(), Map.of());
        for (String recipient : expected) {
            int count = told.getOrDefault(recipient, 0);
            if (count == 0 && consumed) {
                notificationsMissing++;
                find("notification missing", flow.id(), event.type() + " " + event.id() + " never reached " + recipient);
            } else if (count == 0) {
                // counted once, as not consumed
                notificationsMissing++;
            } else if (count > 1) {
                notificationsDuplicated += count - 1;
                find("notification duplicated", flow.id(), event.type() + " " + event.id() + " reached " + recipient + " " + count + " times");
            }
        }
        for (String recipient : told.keySet()) {
            if (!expected.contains(recipient)) {
                notificationsUnexpected++;
                find("notification unexpected", flow.id(), event.type() + " " + event.id() + " reached " + recipient
                        + ", whom its route does not name");
            }
        }
    }

    private void masterData(Set<String> employees, Collection<String> services) {
        for (String service : services) {
            Set<String> held = facts.employees().getOrDefault(service, Set.of());
            int missing = (int) employees.stream().filter(e -> !held.contains(e)).count();
            if (missing > 0) {
                masterDataMissing += missing;
                find("master data missing", service, missing + " of " + employees.size() + " employees not in its copy");
            }
        }
    }

    private void find(String kind, String flowId, String detail) {
        findingsTotal++;
        if (findings.size() < FINDINGS_KEPT) {
            findings.add(new Finding(kind, flowId, detail));
        }
    }
}
