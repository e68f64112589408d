package org.hrmobility.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkforceTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @Test
    @DisplayName("the organisation: the asked size, entities largest first, managers with about ten reports in their own entity")
    void organisation() {
        Workforce w = Workforce.generate(3_000, 10, 10_000, 18, TODAY);
        assertThat(w.employees).hasSize(3_000);
        assertThat(w.entitySizes.values().stream().mapToInt(i -> i).sum()).isEqualTo(3_000);
        List<Integer> sizes = new ArrayList<>(w.entitySizes.values());
        assertThat(sizes.get(0)).isGreaterThan(sizes.get(sizes.size() - 1) * 3);
        Map<String, Long> reports = w.employees.stream().filter(e -> e.lineManagerId() != null)
                .collect(Collectors.groupingBy(Workforce.Employee::lineManagerId, Collectors.counting()));
        assertThat(reports.values().stream().mapToLong(l -> l).max().orElseThrow()).isEqualTo(10);
        assertThat(reports.values().stream().mapToLong(l -> l).average().orElseThrow()).isBetween(8.0, 10.0);
        assertThat(w.employees).allSatisfy(e -> {
            if (e.lineManagerId() != null) {
                Workforce.Employee manager = w.employee(e.lineManagerId());
                assertThat(manager.entity()).isEqualTo(e.entity());
                assertThat(manager.manager()).isTrue();
            }
        });
        assertThat(w.entities).allSatisfy(entity -> assertThat(w.caseHandler(entity).manager()).isFalse());
        assertThat(w.deputies).isNotEmpty().allSatisfy(d -> {
            assertThat(w.employee(d.deputyId()).entity()).isEqualTo(w.employee(d.managerId()).entity());
            assertThat(w.employee(d.deputyId()).manager()).isTrue();
            assertThat(d.to()).isAfterOrEqualTo(d.from());
        });
    }

    @Test
    @DisplayName("the history: about the asked number of events, none after now, in time order, offsets counting up per partition")
    void history() {
        Workforce w = Workforce.generate(3_000, 10, 20_000, 18, TODAY);
        // the last flow may go a few events over
        assertThat(w.events.size()).isBetween(20_000, 20_020);
        Map<String, Long> last = new HashMap<>();
        Workforce.Planned previous = null;
        for (Workforce.Planned p : w.events) {
            if (previous != null) {
                assertThat(p.at()).isAfterOrEqualTo(previous.at());
            }
            String partition = p.type().topic() + "/" + p.partition();
            assertThat(p.offset()).isEqualTo(last.getOrDefault(partition, -1L) + 1);
            last.put(partition, p.offset());
            previous = p;
        }
        assertThat(w.events.get(w.events.size() - 1).at()).isBefore(java.time.Instant.now());
        Map<Integer, Long> perEmployee = w.events.stream().collect(Collectors.groupingBy(Workforce.Planned::employee, Collectors.counting()));
        assertThat(perEmployee.get(w.longHistories.get(0))).isGreaterThanOrEqualTo(1_500);
    }

    @Test
    @DisplayName("the same seed gives the same organisation and history")
    void deterministic() {
        Workforce a = Workforce.generate(1_000, 5, 3_000, 7, TODAY);
        Workforce b = Workforce.generate(1_000, 5, 3_000, 7, TODAY);
        assertThat(a.employees).isEqualTo(b.employees);
        assertThat(keys(a.events)).isEqualTo(keys(b.events));
    }

    @Test
    @DisplayName("payloads: the contract's example with the employee, manager, entity, the thing's id and the flow's fields")
    void payloads() {
        Workforce w = Workforce.generate(1_000, 5, 3_000, 7, TODAY);
        Workforce.Planned offer = w.events.stream().filter(p -> p.type().ceType().contains("OfferMade")).findFirst().orElseThrow();
        Workforce.Employee about = w.employees.get(offer.employee());
        Map<String, Object> payload = Payloads.of(offer.type(), about, offer.keyField(), offer.key(), offer.fields());
        assertThat(payload).containsEntry("employeeId", about.id()).containsEntry("entity", about.entity())
                .containsEntry("caseId", offer.key()).containsKey("title").containsKey("respondBy");
        assertThat(payload.get("respondBy")).isEqualTo(offer.fields().get("respondBy"));
    }

    @Test
    @DisplayName("the worklist SQL for EXPLAIN: named values as literals, or as numbered parameters with their types")
    void sqlForExplain() {
        WorkbenchBenchmark.Caller handler = new WorkbenchBenchmark.Caller("E-000001", "ENT-01", false, true, "token");
        WorkbenchBenchmark.Sql sql = WorkbenchBenchmark.worklistPage(handler, null, true, TODAY, 3);
        String literal = sql.withLiterals();
        assertThat(literal).contains("w.subject_id = 'E-000001'").contains("= 'ENT-01'").contains("w.due_on < date '2025-06-30'")
                .contains("w.fields::text").contains("offset 60").doesNotContain(":me").doesNotContain(":today");
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String prepared = sql.prepared(types, values);
        assertThat(prepared).contains("w.subject_id = $1").contains("w.fields::text").doesNotContain(":me");
        assertThat(types).containsExactly("varchar", "date", "varchar", "date", "int", "bigint");
        assertThat(values).hasSize(types.size());
    }


    private static List<String> keys(Collection<Workforce.Planned> events) {
        return events.stream().map(p -> p.type().ceType() + p.key() + p.at()).toList();
    }
}
