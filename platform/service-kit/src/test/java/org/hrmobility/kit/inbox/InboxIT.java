package org.hrmobility.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.testapp.EmployeeCopyConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;

@ServiceIntegrationTest
class InboxIT {

    static final String TOPIC = "kittest.employees";

    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    @DisplayName("a redelivered event changes state once; a new event about the same employee applies again")
    void redeliveredEventAppliesOnce() {
        String id = "E-" + UUID.randomUUID();
        EmployeeUpserted employee = employee(id, "Emma", "B2");
        EventMetadata metadata = TestEvents.metadata(EmployeeEvents.EMPLOYEE_UPSERTED, id);
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(TOPIC, id, metadata, EventJson.write(employee));
            events.publish(TOPIC, id, metadata, EventJson.write(employee));
            String marker = "E-" + UUID.randomUUID();
            events.publish(TOPIC, marker, EmployeeEvents.EMPLOYEE_UPSERTED, employee(marker, "Marker", "C1"));

            // the marker comes after both copies on no particular partition, so wait for both effects
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(marker) == 1 && appliedCount(id) >= 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> appliedCount(id) == 1);

            events.publish(TOPIC, id, EmployeeEvents.EMPLOYEE_UPSERTED, employee(id, "Emma", "B3"));
            await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(id) == 2);
        }
        assertThat(db.sql("select grade from employee_copy where employee_id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block()).isEqualTo("B3");
        assertThat(db.sql("select count(*) from hrm_kit.inbox_event where event_id = :eventId")
                .bind("eventId", metadata.id()).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    @DisplayName("the consumer works inside the trace of the request that caused the event (traceparent through Kafka)")
    void traceContinuesAcrossKafka() {
        String id = "E-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "/hrm/test",
                EmployeeEvents.EMPLOYEE_UPSERTED.ceType(), id, Instant.now(),
                "00-" + traceId + "-00f067aa0ba902b7-01");
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(TOPIC, id, metadata, EventJson.write(employee(id, "Traced", "A1")));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(id) == 1);
        assertThat(EmployeeCopyConsumer.traceIds.get(id)).isEqualTo(traceId);
    }

    int appliedCount(String employeeId) {
        List<Integer> counts = db.sql("select applied_count from employee_copy where employee_id = :id")
                .bind("id", employeeId).map(row -> row.get(0, Integer.class)).all().collectList().block();
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    static EmployeeUpserted employee(String id, String name, String grade) {
        return new EmployeeUpserted(id, name, name.toLowerCase() + "@example.org", "DEPT-A", grade,
                ContractType.STATUTORY, null, "policy-advice", List.of("analysis"), "nl");
    }
}
