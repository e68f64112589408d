package org.hrmobility.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReliabilityTableTest {

    private static final ReliabilityTable.Run RUN = new ReliabilityTable.Run("short", "./mvnw -B -Pchaos -pl deploy/chaos -am verify"
            + " -DskipTests -Dchaos.size=short", LocalDate.of(2026, 11, 27), 2, 24_000, 2, 3, 95, 110, 12);

    private static Reconciliation.Result result(int lost, long dlq, List<Reconciliation.Finding> findings) {
        return new Reconciliation.Result(1000, Map.of(Command.Outcome.DONE, 950, Command.Outcome.REFUSED, 10, Command.Outcome.UNKNOWN, 40),
                955, lost, 0, 0, 0, 0, 0, 0, 0, 0, 0, dlq, findings.size(), findings);
    }

    private static final List<Fault> FAULTS = List.of(
            new Fault(Fault.Kind.BROKER, "kafka-1", 10_000, 21_000, 23_500, 10_000),
            new Fault(Fault.Kind.INSTANCE, "mobility-service-1", 22_000, 61_000, 62_000, 24_500),
            new Fault(Fault.Kind.GATEWAY, "gateway", 70_000, 95_000, -1, -1));

    @Test
    @DisplayName("the table: the commands and their answers, faults per kind, lost, duplicated, partial, DLQ, and each fault's recovery")
    void table() {
        String md = ReliabilityTable.markdown(RUN, result(0, 0, List.of()), FAULTS);

        assertThat(md).contains("### Chaos run, short (2026-11-27)")
                .contains("./mvnw -B -Pchaos -pl deploy/chaos -am verify -DskipTests -Dchaos.size=short")
                .contains("| 1,000 | 950 | 10 | 40 | 3 | 0 | 0 | 0 | 0 |")
                .contains("Kafka broker killed (-9), restarted 1x; service instance killed (-9), restarted 1x; gateway restarted 1x")
                .contains("| 1 | Kafka broker killed (-9), restarted: kafka-1 | 10.0 s | 0.0 s | 13.5 s |")
                .contains("| 2 | service instance killed (-9), restarted: mobility-service-1 | 22.0 s | 2.5 s | 40.0 s |")
                .contains("| 3 | gateway restarted: gateway | 70.0 s | not before the next fault | not recovered |")
                .contains("Nothing lost, duplicated or half done");
    }

    @Test
    @DisplayName("findings are listed under the table")
    void findings() {
        String md = ReliabilityTable.markdown(RUN, result(1, 2, List.of(new Reconciliation.Finding("lost", "R-00007",
                "1 of 3 command(s) answered 2xx left no effect on case-7"))), FAULTS);

        assertThat(md).contains("**Findings** (1; the first ones)").contains("- lost R-00007: 1 of 3 command(s)");
    }

}
