package org.hrmobility.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hrmobility.contracts.mobility.MobilityEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final String E = "C-run-00001";
    private static final List<String> SERVICES = List.of("redeployment", "notification");

    /** A flow's commands with these statuses (-1: no answer), one per step from the first. */
    private static FlowLog flow(String id, Workload workload, String key, int... statuses) {
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            commands.add(new Command(id + "/" + i, id, workload, i, i * 100L, i * 100L + 50, statuses[i], null, null));
        }
        return new FlowLog(id, workload, key, workload == Workload.TALENT_OFFER ? "E-0003" : key, commands);
    }

    /** What a store holding the effects of the first {@code steps} steps looks like, every event sent, consumed and notified. */
    private static final class World {
        final Map<String, List<Facts.Aggregate>> aggregates = new HashMap<>();
        final Map<String, Integer> onKafka = new HashMap<>();
        final Map<String, Map<String, Long>> inbox = new HashMap<>();
        final Map<String, Map<String, Integer>> notifications = new HashMap<>();
        final Map<String, Long> dlq = new HashMap<>();
        long clock;

        Facts.Aggregate effects(FlowLog flow, String aggregateId, int steps) {
            List<String> history = new ArrayList<>();
            List<Facts.Event> events = new ArrayList<>();
            for (int s = 0; s < steps; s++) {
                history.add(flow.workload().steps().get(s).name());
                for (String type : flow.workload().steps().get(s).events()) {
                    String id = aggregateId + "-e" + events.size();
                    events.add(new Facts.Event(id, type, true));
                    onKafka.put(id, 1);
                    inbox.computeIfAbsent(flow.workload().notificationConsumer(), k -> new HashMap<>()).put(id, ++clock);
                    Map<String, Integer> told = new HashMap<>();
                    ExpectedRecipients.of(type, flow.employeeId()).forEach(r -> told.put(r, 1));
                    notifications.put(id, told);
                }
            }
            Facts.Aggregate aggregate = new Facts.Aggregate(aggregateId, history, events);
            aggregates.computeIfAbsent(flow.id(), k -> new ArrayList<>()).add(aggregate);
            return aggregate;
        }

        Facts facts() {
            return new Facts(aggregates, onKafka, inbox, notifications,
                    Map.of("redeployment", Set.of(E), "notification", Set.of(E)), dlq);
        }
    }

    private static Reconciliation.Result reconcile(World world, FlowLog... flows) {
        return Reconciliation.reconcile(List.of(flows), Set.of(E), SERVICES, world.facts());
    }

    @Test
    @DisplayName("every command answered 2xx with exactly its history line and events, all on Kafka, applied and notified: clean")
    void clean() {
        World world = new World();
        FlowLog flow = flow("R-1", Workload.REDEPLOYMENT, E, 201, 200, 200, 201, 200, 201, 200, 201);
        world.effects(flow, "case-1", 8);

        Reconciliation.Result result = reconcile(world, flow);

        assertThat(result.clean()).isTrue();
        assertThat(result.commands()).isEqualTo(8);
        assertThat(result.effects()).isEqualTo(8);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    @DisplayName("a command answered 2xx without its effect is lost; an aggregate created twice is duplicated")
    void lostAndDuplicated() {
        World world = new World();
        FlowLog lost = flow("E-1", Workload.EVALUATION, E, 201, 201, 200);
        world.effects(lost, E, 2);
        FlowLog twice = flow("T-2", Workload.TALENT_OFFER, "chaos-run-t-2", 201, 200);
        world.effects(twice, "offer-a", 2);
        world.effects(twice, "offer-b", 0);

        Reconciliation.Result result = reconcile(world, lost, twice);

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.findings()).extracting(Reconciliation.Finding::kind).containsExactlyInAnyOrder("lost", "duplicated");
    }

    @Test
    @DisplayName("a command not answered may have taken effect or not, but a refused one must not, and never half of one")
    void unansweredRefusedAndPartial() {
        World world = new World();
        FlowLog unanswered = flow("A-1", Workload.APPLICATION, "Chaos host A-1 run", 201, -1);
        world.effects(unanswered, "app-1", 2);
        FlowLog refusedWithEffect = flow("A-2", Workload.APPLICATION, "Chaos host A-2 run", 201, 409);
        world.effects(refusedWithEffect, "app-2", 2);
        FlowLog half = flow("A-3", Workload.APPLICATION, "Chaos host A-3 run", 201, 200);
        Facts.Aggregate whole = world.effects(half, "app-3", 2);
        // the second step's history line without its event
        world.aggregates.put("A-3", List.of(new Facts.Aggregate(whole.id(), whole.history(), whole.events().subList(0, 1))));

        Reconciliation.Result result = reconcile(world, unanswered, refusedWithEffect, half);

        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.partial()).isEqualTo(2);
        assertThat(result.outcomes()).containsEntry(Command.Outcome.UNKNOWN, 1).containsEntry(Command.Outcome.REFUSED, 1);
    }

    @Test
    @DisplayName("an event not on Kafka, not applied, applied out of order, a notification missing or doubled, a dead letter: each counted")
    void eventsDownstream() {
        World world = new World();
        FlowLog flow = flow("R-1", Workload.REDEPLOYMENT, E, 201, 200, 200);
        Facts.Aggregate aggregate = world.effects(flow, "case-1", 3);
        String opened = aggregate.events().get(0).id();
        String guidance = aggregate.events().get(1).id();
        String admissibility = aggregate.events().get(2).id();
        world.onKafka.remove(opened);
        world.inbox.get("notification-redeployment").remove(guidance);
        world.notifications.remove(guidance);
        world.inbox.get("notification-redeployment").put(admissibility, 0L);
        world.notifications.get(opened).put("person:E-0002", 2);
        world.notifications.get(admissibility).remove("person:" + E);
        world.dlq.put("hrm.redeployment.events.notification.dlq", 1L);

        Reconciliation.Result result = reconcile(world, flow);

        assertThat(result.notOnKafka()).isEqualTo(1);
        assertThat(result.notConsumed()).isEqualTo(1);
        assertThat(result.consumedOutOfOrder()).isEqualTo(1);
        assertThat(result.notificationsDuplicated()).isEqualTo(1);
        // the guidance's (not consumed, so not notified) and the admissibility's employee
        assertThat(result.notificationsMissing()).isEqualTo(2);
        assertThat(result.deadLetters()).isEqualTo(1);
        assertThat(result.clean()).isFalse();
    }

    @Test
    @DisplayName("an employee published but missing from a service's copy of master data is counted per service")
    void masterData() {
        World world = new World();
        Facts facts = world.facts();
        Facts missing = new Facts(facts.aggregates(), facts.onKafka(), facts.inbox(), facts.notifications(),
                Map.of("redeployment", Set.of(E), "notification", Set.of()), facts.deadLetters());

        Reconciliation.Result result = Reconciliation.reconcile(List.of(), Set.of(E), SERVICES, missing);

        assertThat(result.masterDataMissing()).isEqualTo(1);
        assertThat(result.findings()).singleElement().extracting(Reconciliation.Finding::flowId).isEqualTo("notification");
    }

    @Test
    @DisplayName("the routes' recipients: the employee, lars as line manager, DEPT-WSE's case handlers; a published talent offer tells nobody")
    void recipients() {
        assertThat(ExpectedRecipients.of("hrm.redeployment.EmployeePlaced.v1", E))
                .containsExactly("person:" + E, "person:E-0002", "team:DEPT-WSE");
        assertThat(ExpectedRecipients.of(MobilityEvents.TALENT_OFFER_PUBLISHED.ceType(), E)).isEmpty();
        assertThat(Workload.REDEPLOYMENT.eventsAfter(8)).hasSize(10).endsWith("hrm.redeployment.CaseClosed.v1");
    }
}
