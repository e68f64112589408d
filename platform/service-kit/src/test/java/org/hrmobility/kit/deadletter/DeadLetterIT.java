package org.hrmobility.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hrmobility.kit.test.EventCapture.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.EventCapture;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.kit.testapp.EmployeeCopyConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

@ServiceIntegrationTest
class DeadLetterIT {

    static final String TOPIC = "kittest.employees";
    static final String DLQ = Topics.deadLetter(TOPIC, "kittest");
    static final String OPERATOR = TestTokens.bearer(TestTokens.forClient("ops", Role.OPERATOR));

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    org.hrmobility.kit.outbox.JdbcSettings jdbc;

    @AfterEach
    void fixed() {
        EmployeeCopyConsumer.broken.set(false);
    }

    @Test
    @DisplayName("a poison message reaches <topic>.<group>.dlq after 3 attempts with the error in headers, later messages keep flowing, and a replay after the fix applies it once")
    void poisonMessageAndReplay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String before = "E-before-" + run;
        String poison = "E-poison-" + run;
        String after = "E-after-" + run;
        String malformedKey = "E-malformed-" + run;
        EmployeeCopyConsumer.broken.set(true);
        EmployeeCopyConsumer.poisonAttempts.set(0);
        double malformedBefore = malformedAttempts();

        try (EventCapture deadLetters = EventCapture.fromNow(bootstrap, DLQ);
             TestEvents events = new TestEvents(bootstrap)) {
            events.publish(TOPIC, before, EmployeeEvents.EMPLOYEE_UPSERTED, employee(before, "Before"));
            events.publish(TOPIC, poison, EmployeeEvents.EMPLOYEE_UPSERTED, employee(poison, "POISON"));
            events.publish(TOPIC, malformedKey, (EventMetadata) null, "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));
            events.publish(TOPIC, after, EmployeeEvents.EMPLOYEE_UPSERTED, employee(after, "After"));

            await().atMost(Duration.ofSeconds(30)).until(() -> copied(before) && copied(after));
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(2, r -> r.key().endsWith(run),
                    Duration.ofSeconds(30));

            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(poison, malformedKey);
            ConsumerRecord<String, byte[]> poisoned = dead.stream().filter(r -> r.key().equals(poison)).findFirst().orElseThrow();
            assertThat(header(poisoned, "x-exception-message")).contains("cannot copy employee " + poison);
            assertThat(header(poisoned, "x-original-topic")).isEqualTo(TOPIC);
            assertThat(header(poisoned, "ce_type")).isEqualTo(EmployeeEvents.EMPLOYEE_UPSERTED.ceType());
            assertThat(EmployeeCopyConsumer.poisonAttempts.get()).isEqualTo(3);
            ConsumerRecord<String, byte[]> malformed = dead.stream().filter(r -> r.key().equals(malformedKey)).findFirst().orElseThrow();
            assertThat(header(malformed, "x-exception-message")).contains("not a CloudEvents message");
            assertThat(malformedAttempts() - malformedBefore).as("a malformed message is not retried").isEqualTo(1);
        }
        assertThat(copied(poison)).isFalse();

        web.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, OPERATOR).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].deadLetterTopic").isEqualTo(DLQ)
                .jsonPath("$[0].records").value(records -> assertThat(((Number) records).longValue()).isGreaterThanOrEqualTo(2));

        EmployeeCopyConsumer.broken.set(false);
        DeadLetterReplayer.Replay first = replay();
        assertThat(first.replayed()).isGreaterThanOrEqualTo(1);
        assertThat(copied(poison)).isTrue();
        assertThat(first.failedAgain()).isGreaterThanOrEqualTo(1);

        DeadLetterReplayer.Replay second = replay();
        assertThat(second.replayed()).as("what was replayed is not replayed again").isZero();
        assertThat(second.failedAgain()).as("the malformed message still waits, with the new error").isEqualTo(first.failedAgain());
        assertThat(appliedCount(poison)).isEqualTo(1);
    }

    @Test
    @DisplayName("a failure that passes (the database does not answer: a lock held for 6 s) is retried until it passes, past the 3 attempts of a recurring one, and never dead-lettered")
    void transientFailureIsRetriedUntilItPasses() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String locked = "E-locked-" + run;
        try (EventCapture deadLetters = EventCapture.fromNow(bootstrap, DLQ);
             TestEvents events = new TestEvents(bootstrap);
             java.sql.Connection blocker = jdbc.connect()) {
            blocker.setAutoCommit(false);
            try (java.sql.Statement lock = blocker.createStatement()) {
                // exclusive mode: writes wait, reads (this test's own) do not
                lock.execute("lock table employee_copy in exclusive mode");
            }
            events.publish(TOPIC, locked, EmployeeEvents.EMPLOYEE_UPSERTED, employee(locked, "Locked"));
            Thread.sleep(6_000);
            assertThat(copied(locked)).isFalse();
            blocker.commit();

            await().atMost(Duration.ofSeconds(30)).until(() -> copied(locked));
            assertThat(appliedCount(locked)).isEqualTo(1);
            assertThat(deadLetters.settle(r -> locked.equals(r.key()), Duration.ofSeconds(2))).as("nothing dead-lettered").isEmpty();
        }
    }

    @Test
    @DisplayName("R-PRV: a dead letter names the failure but carries no stack trace (it would keep code paths and data in the broker)")
    void noStackTraceInDeadLetters() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String poison = "E-trace-" + run;
        EmployeeCopyConsumer.broken.set(true);
        try (EventCapture deadLetters = EventCapture.fromNow(bootstrap, DLQ); TestEvents events = new TestEvents(bootstrap)) {
            events.publish(TOPIC, poison, EmployeeEvents.EMPLOYEE_UPSERTED, employee(poison, "POISON"));
            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> poison.equals(r.key()), Duration.ofSeconds(30)).get(0);
            assertThat(header(dead, "x-exception-message")).contains("cannot copy employee " + poison);
            assertThat(header(dead, "x-exception-fqcn")).isNotBlank();
            assertThat(dead.headers().lastHeader("x-exception-stacktrace")).isNull();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.counter("hrm.deadletter.published", "topic", TOPIC, "group", "kittest").count() > 0);
        }
    }

    @Test
    @DisplayName("a replay asked for a topic that is not one of this service's dead-letter topics is refused")
    void unknownTopic() {
        web.post().uri("/actuator/deadletters/hrm.nothing.dlq").header(HttpHeaders.AUTHORIZATION, OPERATOR).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/unknown-dead-letter-topic")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(DLQ));
    }

    private DeadLetterReplayer.Replay replay() {
        return web.post().uri("/actuator/deadletters/" + DLQ).header(HttpHeaders.AUTHORIZATION, OPERATOR).exchange()
                .expectStatus().isOk()
                .expectBody(DeadLetterReplayer.Replay.class).returnResult().getResponseBody();
    }

    private double malformedAttempts() {
        return meters.counter("hrm.inbox.events", "consumer", EmployeeCopyConsumer.CONSUMER, "outcome", "malformed")
                .count();
    }

    private boolean copied(String employeeId) {
        return appliedCount(employeeId) > 0;
    }

    private int appliedCount(String employeeId) {
        List<Integer> counts = db.sql("select applied_count from employee_copy where employee_id = :id")
                .bind("id", employeeId).map(row -> row.get(0, Integer.class)).all().collectList().block();
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static EmployeeUpserted employee(String id, String name) {
        return new EmployeeUpserted(id, name, null, "DEPT-A", "C2", null, null, null, List.of(), null);
    }
}
