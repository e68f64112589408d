package org.hrmobility.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackInitializer;
import org.hrmobility.devstack.KafkaBroker;
import org.hrmobility.devstack.Ports;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.EventCapture;
import org.hrmobility.kit.test.MovableClock;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.kit.testapp.EmployeeCopyConsumer;
import org.hrmobility.kit.testapp.NoteWritten;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every Kafka client of a service on a cluster that authenticates (SASL PLAIN): the binder's consumers, the outbox
 * relay's transactional producer and the dead-letter replayer all take Spring Boot's {@code spring.kafka.*} security
 * settings. The broker here has no other listener the service is told of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"logging.structured.format.console=",
        "hrm.devstack.database=kit_sasl"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = {DevstackInitializer.class, TestTokens.Initializer.class, SaslClusterIT.SaslBroker.class})
@Import(MovableClock.Config.class)
class SaslClusterIT {

    static final String TOPIC = "kittest.employees";
    static final String DLQ = Topics.deadLetter(TOPIC, "kittest");
    static final String HANDLER = TestTokens.bearer(TestTokens.forEmployee("E-1", "DEPT-A", Role.HR_CASE_HANDLER));
    static final String OPERATOR = TestTokens.bearer(TestTokens.forClient("ops", Role.OPERATOR));
    static final KafkaBroker.SaslListener LISTENER = new KafkaBroker.SaslListener(Ports.pickFree(), "hrm-kit", "kit-secret");
    static KafkaBroker broker;

    /** A broker of its own with a SASL listener, started before the service and named to it as its only cluster. */
    static final class SaslBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                broker = new KafkaBroker(Ports.pickFree(), Files.createTempDirectory("hrm-sasl-kafka"), LISTENER);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            broker.start();
            Map<String, Object> sasl = new java.util.HashMap<>(LISTENER.springProperties());
            sasl.put("spring.cloud.stream.kafka.binder.brokers", "localhost:" + LISTENER.port());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sasl-cluster", sasl));
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @AfterEach
    void fixed() {
        EmployeeCopyConsumer.broken.set(false);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @DisplayName("the outbox relay publishes over SASL: a committed event arrives on the authenticated cluster")
    void outboxRoundTrip() {
        try (EventCapture notes = EventCapture.fromNow(LISTENER.clientProperties(), NoteWritten.TYPE.topic())) {
            String key = "sasl-" + UUID.randomUUID();
            web.post().uri("/notes").header(HttpHeaders.AUTHORIZATION, HANDLER).bodyValue(Map.of("text", "over SASL", "key", key, "sequence", 1, "refuse", false)).exchange()
                    .expectStatus().isCreated();

            List<ConsumerRecord<String, byte[]>> arrived = notes.await(1, r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(arrived).hasSize(1);
            assertThat(EventCapture.header(arrived.get(0), "ce_type")).isEqualTo(NoteWritten.TYPE.ceType());
        }
    }

    @Test
    @DisplayName("a consumer reads over SASL, dead-letters a poison message there, and the replay over SASL applies it once")
    void consumerAndDeadLetterReplay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ok = "E-sasl-" + run;
        String poison = "E-sasl-poison-" + run;
        EmployeeCopyConsumer.broken.set(true);
        try (TestEvents events = new TestEvents(LISTENER.clientProperties());
             EventCapture deadLetters = EventCapture.fromNow(LISTENER.clientProperties(), DLQ)) {
            events.publish(TOPIC, ok, EmployeeEvents.EMPLOYEE_UPSERTED, employee(ok, "Fine"));
            events.publish(TOPIC, poison, EmployeeEvents.EMPLOYEE_UPSERTED, employee(poison, "POISON"));

            await().atMost(Duration.ofSeconds(40)).until(() -> appliedCount(ok) == 1);
            assertThat(deadLetters.await(1, r -> poison.equals(r.key()), Duration.ofSeconds(40))).hasSize(1);
        }
        EmployeeCopyConsumer.broken.set(false);
        web.post().uri("/actuator/deadletters/" + DLQ).header(HttpHeaders.AUTHORIZATION, OPERATOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replayed").isEqualTo(1);
        assertThat(appliedCount(poison)).isEqualTo(1);
    }

    private int appliedCount(String employeeId) {
        List<Integer> counts = db.sql("select applied_count from employee_copy where employee_id = :id")
                .bind("id", employeeId).map(row -> row.get(0, Integer.class)).all().collectList().block();
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static EmployeeUpserted employee(String id, String name) {
        return new EmployeeUpserted(id, name, null, "DEPT-S", "C2", null, null, null, List.of(), null);
    }

    static {
        // the shared devstack (PostgreSQL, and its own plain broker the service is not told of) starts first
        Devstack.shared();
    }
}
