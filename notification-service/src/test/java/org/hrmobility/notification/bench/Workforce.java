package org.hrmobility.notification.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;

/**
 * A synthetic organisation and three years of its decisions, the same every time for the same seed: entities of
 * unequal size (a few large, many small), each a tree of line managers with about ten reports, a few deputies, and
 * the decision events the three domain services would have published about them in time order: yearly evaluations,
 * probations, allowances, exchange applications, secondments, talent offers, follow-ups and redeployment cases.
 * Each of those is a flow of events that stops at today, so what is still open on the worklist is what the flows
 * had reached by then (and a few flows stall on the way, the backlog a real worklist has). A few employees have
 * long histories, for the deep pages of a timeline. Pure data: the benchmark turns it into rows and events.
 */
final class Workforce {

    /** One person of the master data. */
    record Employee(int index, String id, String name, String email, String entity, String grade, String lineManagerId,
                    boolean manager, String language) {
    }

    /** R-ACC-3: a line manager's deputy for a period. */
    record Deputy(UUID id, String managerId, String deputyId, LocalDate from, LocalDate to) {
    }

    /** Who took a decision: the event's origin (absent for what a schedule raised). */
    record Actor(String actor, String actorEmployeeId, String capacity, String onBehalfOf, String action, String reason) {
    }

    /**
     * One event to apply: its type, the employee it is about, the field naming the thing it moves and that thing's id,
     * when, by whom, the payload fields it sets beyond the employee's, and its offset on its partition.
     */
    record Planned(EventType<?> type, int employee, String keyField, String key, Instant at, Actor actor,
                   Map<String, Object> fields, int partition, long offset) {
    }

    private static final int FAN_OUT = 10;
    private static final int PARTITIONS = 3;
    private static final double STALLS = 0.05;
    private static final String[] FIRST = {"Anna", "Bram", "Carla", "Daan", "Eva", "Finn", "Greta", "Hugo", "Iris", "Jan",
        "Kim", "Lars", "Maud", "Noah", "Olga", "Pieter", "Roos", "Sem", "Tess", "Vince", "Wouter", "Yara", "Zoe", "Emma"};
    private static final String[] LAST = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits"};
    private static final String[] GRADES = {"A3", "B1", "B2", "B3", "C1", "C2"};

    final LocalDate today;
    final List<Employee> employees = new ArrayList<>();
    final List<String> entities = new ArrayList<>();
    final Map<String, Integer> entitySizes = new LinkedHashMap<>();
    final List<Deputy> deputies = new ArrayList<>();
    /** The decisions, oldest first, each with its offset on its topic's partition. */
    final List<Planned> events;
    /** The employees with long histories, longest first. */
    final List<Integer> longHistories = new ArrayList<>();

    private final Random random;
    private final Map<String, Integer> caseHandlerOf = new HashMap<>();
    private final List<Planned> planned = new ArrayList<>();

    private Workforce(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        this.events = planned;
    }

    /**
     * @param size        employees
     * @param entityCount entities; sizes fall with rank (weight {@code 1 / rank^0.7}), so the largest is about ten
     *                    times the smallest
     * @param eventCount  decision events up to today, about
     */
    static Workforce generate(int size, int entityCount, int eventCount, long seed, LocalDate today) {
        Workforce w = new Workforce(seed, today);
        w.people(size, entityCount);
        w.deputies();
        w.history(eventCount);
        w.offsets();
        return w;
    }

    Employee employee(String id) {
        return employees.get(Integer.parseInt(id.substring(2)) - 1);
    }

    /** The HR case handler the generator lets act for an entity (a person of it). */
    Employee caseHandler(String entity) {
        return employees.get(caseHandlerOf.get(entity));
    }

    static String id(int index) {
        return String.format("E-%06d", index + 1);
    }

    private void people(int size, int entityCount) {
        double[] weights = new double[entityCount];
        double sum = 0;
        for (int k = 0; k < entityCount; k++) {
            weights[k] = 1 / Math.pow(k + 1, 0.7);
            sum += weights[k];
        }
        int assigned = 0;
        for (int k = 0; k < entityCount; k++) {
            int n = k == entityCount - 1 ? size - assigned : (int) Math.round(size * weights[k] / sum);
            String entity = String.format("ENT-%02d", k + 1);
            entities.add(entity);
            entitySizes.put(entity, n);
            int first = assigned;
            for (int i = 0; i < n; i++) {
                int index = first + i;
                // a tree with about ten reports per manager: local 0 heads the entity, 1..10 report to it, and so on
                String manager = i == 0 ? null : id(first + (i - 1) / FAN_OUT);
                boolean managesOthers = i * FAN_OUT + 1 < n;
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                employees.add(new Employee(index, id(index), name, id(index).toLowerCase() + "@hrmobility.example", entity,
                        GRADES[random.nextInt(GRADES.length)], manager, managesOthers, random.nextInt(5) == 0 ? "en" : "nl"));
            }
            // the entity's case handler: a person of it who manages nobody
            caseHandlerOf.put(entity, first + n - 1);
            assigned += n;
        }
    }

    /** About one manager in fifty away with a deputy now; as many delegations long past. */
    private void deputies() {
        Map<String, List<Employee>> managers = new HashMap<>();
        employees.stream().filter(Employee::manager).forEach(m -> managers.computeIfAbsent(m.entity(), k -> new ArrayList<>()).add(m));
        for (Employee m : employees) {
            List<Employee> colleagues = managers.getOrDefault(m.entity(), List.of());
            if (!m.manager() || colleagues.size() < 2 || random.nextInt(50) != 0) {
                continue;
            }
            Employee deputy = colleagues.get(random.nextInt(colleagues.size()));
            if (deputy.id().equals(m.id())) {
                continue;
            }
            deputies.add(new Deputy(UUID.randomUUID(), m.id(), deputy.id(), today.minusDays(random.nextInt(10)),
                    today.plusDays(1 + random.nextInt(20))));
            LocalDate from = today.minusDays(60 + random.nextInt(600));
            deputies.add(new Deputy(UUID.randomUUID(), m.id(), deputy.id(), from, from.plusDays(5 + random.nextInt(20))));
        }
    }

    private void history(int eventCount) {
        // the yearly evaluation of everyone who has been here long enough
        for (Employee e : employees) {
            int years = random.nextInt(4);
            int dayOfYear = 1 + random.nextInt(330);
            for (int y = years; y >= 1; y--) {
                LocalDate on = today.minusYears(y - 1).withDayOfYear(1).plusDays(dayOfYear - 1);
                if (!on.isAfter(today)) {
                    Flow f = new Flow(e.index(), "employeeId", e.id(), on, false);
                    f.emit(EvaluationEvents.EVALUATION_RECORDED, f.manager("evaluation recorded", null), "evaluationId", uuid(),
                            "periodFrom", on.minusYears(1).toString(), "periodTo", on.toString(), "evaluatedOn", on.toString(),
                            "rating", random.nextInt(10) == 0 ? "EXCELLENT" : "GOOD", "followUpNextOn", null);
                }
            }
        }
        // a few people with long histories (a long career of allowances, applications and offers), all in the largest entity
        String largest = entities.get(0);
        List<Employee> candidates = employees.stream().filter(e -> e.entity().equals(largest) && !e.manager()).toList();
        int[] targets = {1500, 1200, 1000, 800, 600, 500, 400, 300, 250, 200};
        for (int i = 0; i < targets.length; i++) {
            Employee e = candidates.get(candidates.size() / 2 + i * 7);
            longHistories.add(e.index());
            int before = planned.size();
            while (planned.size() - before < targets[i]) {
                flow(e.index(), today.minusDays(random.nextInt(3 * 365)));
            }
        }
        while (planned.size() < eventCount) {
            flow(random.nextInt(employees.size()), today.minusDays(random.nextInt(3 * 365)));
        }
    }

    private void flow(int employee, LocalDate start) {
        double r = random.nextDouble();
        if (r < 0.25) {
            allowance(employee, start);
        } else if (r < 0.37) {
            probation(employee, start);
        } else if (r < 0.52) {
            application(employee, start);
        } else if (r < 0.64) {
            redeployment(employee, start);
        } else if (r < 0.72) {
            secondment(employee, start);
        } else if (r < 0.85) {
            talentOffer(employee, start);
        } else {
            followUp(employee, start);
        }
    }

    private void allowance(int e, LocalDate start) {
        Flow f = new Flow(e, "allowanceId", uuid(), start, true);
        LocalDate ends = start.plusMonths(6);
        if (!f.emit(MobilityEvents.ALLOWANCE_GRANTED, f.manager("allowance granted", "Peak period in the team."),
                "startsOn", start.toString(), "endsOn", ends.toString(), "reason", "Peak period in the team.")) {
            return;
        }
        int extensions = random.nextInt(4);
        for (int i = 1; i <= extensions; i++) {
            f.at(ends.minusDays(30));
            if (!f.emit(MobilityEvents.ALLOWANCE_ENDING_SOON, null, "endsOn", ends.toString())) {
                return;
            }
            f.at(ends.minusDays(random.nextInt(20)));
            ends = ends.plusMonths(6);
            if (!f.emit(MobilityEvents.ALLOWANCE_EXTENDED, f.manager("allowance extended", null), "endsOn", ends.toString(),
                    "extensions", i)) {
                return;
            }
        }
        f.at(ends);
        f.emit(MobilityEvents.ALLOWANCE_ENDED, f.manager("allowance ended", "The heavier tasks ended."), "endedOn", ends.toString(),
                "reason", "The heavier tasks ended.");
    }

    private void probation(int e, LocalDate start) {
        Flow f = new Flow(e, "probationId", uuid(), start, true);
        LocalDate ends = start.plusYears(1).minusDays(1);
        if (!f.emit(EvaluationEvents.PROBATION_STARTED, f.caseHandler("probation started", null), "startsOn", start.toString(),
                "endsOn", ends.toString())) {
            return;
        }
        f.at(ends.minusDays(30));
        if (!f.emit(EvaluationEvents.PROBATION_ENDING_SOON, null, "endsOn", ends.toString())) {
            return;
        }
        f.at(ends.minusDays(random.nextInt(10)));
        f.emit(EvaluationEvents.PROBATION_ENDED, f.manager("probation ended", null), "endsOn", ends.toString(), "rating", "GOOD",
                "outcome", random.nextInt(20) == 0 ? "FAILED" : "PASSED");
    }

    private void application(int e, LocalDate start) {
        Flow f = new Flow(e, "applicationId", uuid(), start, true);
        LocalDate starts = start.plusDays(60 + random.nextInt(60));
        if (!f.emit(MobilityEvents.APPLICATION_SUBMITTED, f.employee("application submitted"), "callId", uuid(),
                "startsOn", starts.toString(), "endsOn", starts.plusMonths(6).toString())) {
            return;
        }
        f.after(3, 20);
        if (random.nextInt(100) < 15) {
            f.emit(MobilityEvents.APPLICATION_REFUSED, f.manager("application refused", "Peak period in the team."),
                    "refusedBy", "LINE_MANAGER", "reason", "Peak period in the team.");
            return;
        }
        if (!f.emit(MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER, f.manager("application agreed", null))) {
            return;
        }
        f.after(5, 30);
        if (random.nextInt(100) < 20) {
            f.emit(MobilityEvents.APPLICATION_REFUSED, f.caseHandler("application refused by the host", "No place at the host."),
                    "refusedBy", "HOST", "reason", "No place at the host.");
        } else {
            f.emit(MobilityEvents.APPLICATION_APPROVED, f.caseHandler("application approved", null), "startsOn", starts.toString());
        }
    }

    private void redeployment(int e, LocalDate start) {
        Flow f = new Flow(e, "caseId", uuid(), start, true);
        if (!f.emit(RedeploymentEvents.CASE_OPENED, f.caseHandler("case opened", "Reorganisation."), "openedBy",
                employees.get(caseHandlerOf.get(employees.get(e).entity())).id(), "openedAt", f.instant().toString())) {
            return;
        }
        LocalDate guidanceFrom = f.day;
        f.after(30, 150);
        if (!f.emit(RedeploymentEvents.GUIDANCE_RECORDED, f.manager("guidance recorded", null), "from", guidanceFrom.toString(),
                "to", f.day.toString())) {
            return;
        }
        f.after(5, 25);
        boolean redeployable = random.nextInt(100) < 85;
        if (!f.emit(RedeploymentEvents.ADMISSIBILITY_DECIDED, f.caseHandler("admissibility decided", "Broad profile."),
                "redeployable", redeployable, "registeredAt", f.instant().toString())) {
            return;
        }
        if (!redeployable) {
            f.after(1, 10);
            f.emit(RedeploymentEvents.CASE_CLOSED, f.caseHandler("case closed", "not admissible"), "reason", "not admissible");
            return;
        }
        for (int offer = 1; offer <= 3; offer++) {
            f.after(10, 90);
            String offerId = uuid();
            boolean exOfficio = offer == 3;
            if (!f.emit(RedeploymentEvents.OFFER_MADE, f.caseHandler("offer made", null), "offerId", offerId, "offerNumber", offer,
                    "respondBy", f.day.plusDays(14).toString(), "exOfficio", exOfficio)) {
                return;
            }
            f.after(3, 14);
            if (exOfficio || random.nextInt(100) < 55) {
                f.emit(RedeploymentEvents.EMPLOYEE_PLACED, f.caseHandler("employee placed", null), "offerId", offerId,
                        "exOfficio", exOfficio);
                return;
            }
            if (!f.emit(RedeploymentEvents.OFFER_REFUSED, f.employee("offer refused"), "offerId", offerId, "refusals", offer,
                    "reason", "Commute of more than two hours.", "onBehalf", false)) {
                return;
            }
        }
    }

    private void secondment(int e, LocalDate start) {
        Flow f = new Flow(e, "secondmentId", uuid(), start, true);
        LocalDate starts = start.plusDays(45 + random.nextInt(75));
        LocalDate ends = starts.plusDays(180 + random.nextInt(185));
        if (!f.emit(MobilityEvents.SECONDMENT_REQUESTED, f.employee("secondment requested"), "startsOn", starts.toString(),
                "endsOn", ends.toString())) {
            return;
        }
        f.after(3, 20);
        if (random.nextInt(100) < 15) {
            f.emit(MobilityEvents.SECONDMENT_REFUSED, f.manager("secondment refused", "Peak period in the team."));
            return;
        }
        if (!f.emit(MobilityEvents.SECONDMENT_AGREED_BY_LINE_MANAGER, f.manager("secondment agreed", null))) {
            return;
        }
        f.after(5, 30);
        if (!f.emit(MobilityEvents.SECONDMENT_APPROVED, f.caseHandler("secondment approved", null), "startsOn", starts.toString(),
                "endsOn", ends.toString())) {
            return;
        }
        f.at(starts);
        if (!f.emit(MobilityEvents.SECONDMENT_ACTIVATED, f.caseHandler("secondment activated", null))) {
            return;
        }
        f.at(ends);
        f.emit(MobilityEvents.SECONDMENT_ENDED, f.caseHandler("secondment ended", null), "endedOn", ends.toString(), "early", false);
    }

    private void talentOffer(int e, LocalDate start) {
        Flow f = new Flow(e, "offerId", uuid(), start, true);
        LocalDate from = start.plusDays(30);
        if (!f.emit(MobilityEvents.TALENT_OFFER_PROPOSED, f.employee("talent offer proposed"), "availableFrom", from.toString(),
                "availableTo", from.plusMonths(6).toString())) {
            return;
        }
        f.after(2, 20);
        if (random.nextInt(100) < 20) {
            f.emit(MobilityEvents.TALENT_OFFER_DECLINED, f.manager("talent offer declined", "Peak period in the team."));
        } else {
            f.emit(MobilityEvents.TALENT_OFFER_PUBLISHED, f.manager("consent given", null), "availableFrom", from.toString(),
                    "availableTo", from.plusMonths(6).toString());
        }
    }

    /** An insufficient evaluation's follow-up (the item is the employee's: EVALUATION_DUE), now and then a dismissal proposal. */
    private void followUp(int e, LocalDate start) {
        Flow f = new Flow(e, "employeeId", employees.get(e).id(), start, true);
        LocalDate next = start.plusMonths(6);
        if (!f.emit(EvaluationEvents.FOLLOW_UP_OPENED, f.manager("follow-up opened", "Insufficient evaluation."),
                "openedOn", start.toString(), "earliestNext", next.toString())) {
            return;
        }
        f.at(next.minusDays(14));
        if (!f.emit(EvaluationEvents.FOLLOW_UP_EVALUATION_DUE, null, "earliestNext", next.toString())) {
            return;
        }
        f.at(next.plusDays(random.nextInt(30)));
        boolean again = random.nextInt(100) < 30;
        if (!f.emit(EvaluationEvents.EVALUATION_RECORDED, f.manager("evaluation recorded", null), "evaluationId", uuid(),
                "periodFrom", start.toString(), "periodTo", f.day.toString(), "evaluatedOn", f.day.toString(),
                "rating", again ? "INSUFFICIENT" : "GOOD", "followUpNextOn", again ? f.day.plusMonths(6).toString() : null)) {
            return;
        }
        if (random.nextInt(100) < 10) {
            f.after(5, 40);
            if (f.emit(EvaluationEvents.DISMISSAL_PROPOSED, f.manager("dismissal proposed", "Documented in three talks."),
                    "evaluationId", uuid(), "motivation", "Documented in three talks.")) {
                f.after(5, 40);
                f.emit(EvaluationEvents.DISMISSAL_PROPOSAL_DECIDED, f.caseHandler("proposal decided", null), "dismissed", false,
                        "motivation", "A last chance with a follow-up.");
            }
        }
    }

    /** Offsets as Kafka gives them: one counter per topic and partition, a partition per employee (the events' key). */
    private void offsets() {
        planned.sort(Comparator.comparing(Planned::at));
        Map<String, Long> next = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            int partition = Math.floorMod(employees.get(p.employee()).id().hashCode(), PARTITIONS);
            long offset = next.merge(p.type().topic() + "/" + partition, 1L, Long::sum) - 1;
            planned.set(i, new Planned(p.type(), p.employee(), p.keyField(), p.key(), p.at(), p.actor(), p.fields(), partition, offset));
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** One thing's events, a day at a time; it stops at today (what has not happened yet) or where it stalls. */
    private final class Flow {

        private final int employee;
        private final String keyField;
        private final String key;
        private final int stallAfter;
        private LocalDate day;
        private int steps;
        private boolean stopped;
        private Instant last;

        Flow(int employee, String keyField, String key, LocalDate start, boolean mayStall) {
            this.employee = employee;
            this.keyField = keyField;
            this.key = key;
            this.day = start;
            this.stallAfter = mayStall && random.nextDouble() < STALLS ? 1 + random.nextInt(3) : Integer.MAX_VALUE;
        }

        void after(int minDays, int maxDays) {
            day = day.plusDays(minDays + random.nextInt(maxDays - minDays + 1));
        }

        void at(LocalDate when) {
            day = when.isBefore(day) ? day : when;
        }

        Instant instant() {
            return day.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        }

        /** Adds the event unless the flow has stopped; false when it has (nothing later in it happens either). */
        boolean emit(EventType<?> type, Actor actor, Object... fields) {
            if (stopped || day.isAfter(today) || steps >= stallAfter) {
                stopped = true;
                return false;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                values.put((String) fields[i], fields[i + 1]);
            }
            Instant at = instant();
            if (at.isAfter(Instant.now())) {
                at = Instant.now().minusSeconds(60);
            }
            if (last != null && !at.isAfter(last)) {
                // one thing's events in their order, also when two fall on the same day
                at = last.plusSeconds(1);
            }
            last = at;
            planned.add(new Planned(type, employee, keyField, key, at, actor, values, 0, 0));
            steps++;
            return true;
        }

        Actor manager(String action, String reason) {
            Employee e = employees.get(employee);
            String manager = e.lineManagerId() == null ? e.id() : e.lineManagerId();
            return new Actor(manager, manager, null, null, action, reason);
        }

        Actor caseHandler(String action, String reason) {
            Employee handler = employees.get(caseHandlerOf.get(employees.get(employee).entity()));
            return new Actor(handler.id(), handler.id(), null, null, action, reason);
        }

        Actor employee(String action) {
            String id = employees.get(employee).id();
            return new Actor(id, id, null, null, action, null);
        }
    }
}
