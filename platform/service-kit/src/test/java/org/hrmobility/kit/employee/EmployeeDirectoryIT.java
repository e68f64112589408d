package org.hrmobility.kit.employee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceIntegrationTest
class EmployeeDirectoryIT {

    @Autowired
    EmployeeDirectory directory;

    private static EmployeeUpserted employee(String id, String manager, List<String> competences) {
        return new EmployeeUpserted(id, "Name " + id, id + "@example.org", "DEPT-DIR", "B2", ContractType.STATUTORY, manager,
                "policy-advice", competences, "nl", null);
    }

    @Test
    @DisplayName("R-ACC-1: a poll of master data in one statement, newest wins within the poll and against what is stored; competences kept")
    void pollNewestWins() {
        String id = "E-DIR-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        directory.upsertAll(List.of(
                new EmployeeDirectory.Change(employee(id, "M-NEW", List.of("gis", "data")), t.plusSeconds(60)),
                new EmployeeDirectory.Change(employee(id, "M-OLD", List.of()), t))).block();
        Employee stored = directory.find(id).block();
        assertThat(stored.lineManagerId()).isEqualTo("M-NEW");
        assertThat(stored.competences()).containsExactly("gis", "data");

        directory.upsertAll(List.of(new EmployeeDirectory.Change(employee(id, "M-LATE", List.of()), t.plusSeconds(30)))).block();
        assertThat(directory.find(id).block().lineManagerId()).as("older data arriving late changes nothing").isEqualTo("M-NEW");
    }

    @Test
    @DisplayName("a whole department's import in one poll: 2,000 employees stored by one statement")
    void largePoll() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<EmployeeDirectory.Change> changes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            changes.add(new EmployeeDirectory.Change(employee("E-BULK-" + run + "-" + i, "M-" + run, List.of("c" + i % 7)), Instant.now()));
        }
        directory.upsertAll(changes).block();
        assertThat(directory.findAll(changes.stream().map(c -> c.employee().employeeId()).toList()).count().block()).isEqualTo(2_000);
    }
}
