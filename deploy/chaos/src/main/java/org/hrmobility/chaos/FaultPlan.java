package org.hrmobility.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When which fault is injected: spread evenly over the load's planned length, each kind's faults spread over it too so
 * that the kinds interleave (no two broker kills in a row), a different broker and a different instance each time.
 */
public final class FaultPlan {

    /** A fault to inject this many seconds after the load started. */
    public record Planned(double atSeconds, Fault.Kind kind, String target) {
    }

    static final List<String> SERVICES = List.of("mobility-service", "redeployment-service", "evaluation-service", "notification-service");

    private FaultPlan() {
    }

    /**
     * @param brokers   broker kills (each a different node in turn, 1 to 3)
     * @param postgres  immediate PostgreSQL restarts
     * @param instances instance kills: one per service (instance 1, 2, 1, 2 ...), then round again
     * @param gateways  gateway restarts
     * @param seconds   the load's planned length; the first fault comes after a tenth of it, the last a tenth before its end
     */
    public static List<Planned> of(int brokers, int postgres, int instances, int gateways, double seconds) {
        List<Planned> broker = new ArrayList<>();
        for (int i = 0; i < brokers; i++) {
            broker.add(new Planned(0, Fault.Kind.BROKER, "kafka-" + (i % 3 + 1)));
        }
        List<Planned> database = new ArrayList<>();
        for (int i = 0; i < postgres; i++) {
            database.add(new Planned(0, Fault.Kind.POSTGRES, "postgres"));
        }
        List<Planned> instance = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            instance.add(new Planned(0, Fault.Kind.INSTANCE, SERVICES.get(i % SERVICES.size()) + "-" + (i % 2 + 1)));
        }
        List<Planned> gateway = new ArrayList<>();
        for (int i = 0; i < gateways; i++) {
            gateway.add(new Planned(0, Fault.Kind.GATEWAY, "gateway"));
        }
        List<Planned> order = new ArrayList<>();
        order.addAll(spread(broker, 0.00));
        order.addAll(spread(database, 0.01));
        order.addAll(spread(instance, 0.02));
        order.addAll(spread(gateway, 0.03));
        order.sort(Comparator.comparingDouble(Planned::atSeconds));
        List<Planned> timed = new ArrayList<>();
        double first = seconds / 10;
        double step = order.size() <= 1 ? 0 : (seconds * 0.8) / (order.size() - 1);
        for (int i = 0; i < order.size(); i++) {
            Planned p = order.get(i);
            timed.add(new Planned(Math.round((first + i * step) * 10) / 10.0, p.kind(), p.target()));
        }
        return timed;
    }

    /** Each fault of one kind at its place in the run (0 to 1), evenly spread: the kinds interleave when sorted. */
    private static List<Planned> spread(List<Planned> faults, double offset) {
        List<Planned> placed = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            placed.add(new Planned((i + 0.5) / faults.size() + offset, faults.get(i).kind(), faults.get(i).target()));
        }
        return placed;
    }
}
