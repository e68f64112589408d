package org.hrmobility.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    private static Command at(long sent, int status) {
        return new Command("c" + sent, "f", Workload.EVALUATION, 0, sent, sent + 30, status, null, null);
    }

    @Test
    @DisplayName("answered again: the answer to the first command sent after the last one that failed; the fault's moment when none failed")
    void servedAgain() {
        List<Command> commands = List.of(at(900, 201), at(1000, 201), at(1100, -1), at(1200, 503), at(1300, 422), at(1400, 201),
                at(5000, -1));

        assertThat(Recovery.servedAgain(commands, 1000, 5000)).isEqualTo(1330);
        assertThat(Recovery.servedAgain(commands, 1300, 5000)).isEqualTo(1300);
        assertThat(Recovery.servedAgain(commands, 1000, 6000)).isEqualTo(-1);
    }

    @Test
    @DisplayName("the plan spreads the faults over the load, a different broker and a different instance each time")
    void plan() {
        List<FaultPlan.Planned> full = FaultPlan.of(5, 2, 4, 1, 1000);

        assertThat(full).hasSize(12);
        assertThat(full.get(0).atSeconds()).isEqualTo(100.0);
        assertThat(full.get(11).atSeconds()).isEqualTo(900.0);
        assertThat(full).filteredOn(p -> p.kind() == Fault.Kind.BROKER).extracting(FaultPlan.Planned::target)
                .containsExactly("kafka-1", "kafka-2", "kafka-3", "kafka-1", "kafka-2");
        assertThat(full).filteredOn(p -> p.kind() == Fault.Kind.INSTANCE).extracting(FaultPlan.Planned::target)
                .containsExactly("mobility-service-1", "redeployment-service-2", "evaluation-service-1", "notification-service-2");
        for (int i = 1; i < full.size(); i++) {
            assertThat(full.get(i).kind() == Fault.Kind.BROKER && full.get(i - 1).kind() == Fault.Kind.BROKER).isFalse();
        }
        assertThat(FaultPlan.of(1, 1, 4, 1, 100)).extracting(FaultPlan.Planned::kind).containsExactly(Fault.Kind.INSTANCE,
                Fault.Kind.INSTANCE, Fault.Kind.BROKER, Fault.Kind.POSTGRES, Fault.Kind.GATEWAY, Fault.Kind.INSTANCE, Fault.Kind.INSTANCE);
    }

    @Test
    @DisplayName("an instance killed touches its own service's commands only; the notification service's none; other faults all")
    void affected() {
        Fault mobility = new Fault(Fault.Kind.INSTANCE, "mobility-service-1", 0, 0, 0, -1);
        Fault notification = new Fault(Fault.Kind.INSTANCE, "notification-service-2", 0, 0, 0, -1);
        Fault postgres = new Fault(Fault.Kind.POSTGRES, "postgres", 0, 0, 0, -1);

        assertThat(ChaosRun.affects(mobility, Workload.TALENT_OFFER)).isTrue();
        assertThat(ChaosRun.affects(mobility, Workload.REDEPLOYMENT)).isFalse();
        assertThat(java.util.Arrays.stream(Workload.values()).noneMatch(w -> ChaosRun.affects(notification, w))).isTrue();
        assertThat(java.util.Arrays.stream(Workload.values()).allMatch(w -> ChaosRun.affects(postgres, w))).isTrue();
        List<Command> commands = List.of(at(100, -1), new Command("r", "f", Workload.REDEPLOYMENT, 0, 200, 230, 201, null, null),
                at(300, 201));
        assertThat(ChaosRun.served(List.of(new Fault(Fault.Kind.INSTANCE, "evaluation-service-1", 50, 0, 0, -1)), commands))
                .singleElement().extracting(Fault::servedMillis).isEqualTo(330L);
    }
}
