package org.hrmobility.kit.outbox;

import org.hrmobility.kit.domain.OutgoingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hrmobility.kit.test.EventCapture.header;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.EventCapture;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.kit.testapp.NoteWritten;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

@ServiceIntegrationTest
class OutboxIT {

    private static final String TOKEN = TestTokens.bearer(TestTokens.forEmployee("E-1", "DEPT-A", Role.HR_CASE_HANDLER));

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Outbox outbox;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private EventCapture capture;

    @BeforeEach
    void listen() {
        capture = EventCapture.fromNow(bootstrap, NoteWritten.TOPIC);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    @DisplayName("a committed change's event arrives on Kafka with every CloudEvents header and the trace context")
    void committedEventArrives() {
        String text = "committed " + UUID.randomUUID();
        write(text, false).expectStatus().isCreated();

        List<ConsumerRecord<String, byte[]>> arrived = capture.await(1, withText(text), Duration.ofSeconds(30));

        assertThat(arrived).hasSize(1);
        ConsumerRecord<String, byte[]> record = arrived.get(0);
        NoteWritten payload = EventJson.read(record.value(), NoteWritten.class);
        assertThat(record.key()).isEqualTo(payload.noteId());
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_source")).isEqualTo("/hrm/kit-test");
        assertThat(header(record, "ce_type")).isEqualTo("hrm.kittest.NoteWritten.v1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(payload.noteId());
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    @DisplayName("the event carries the trace of the request that made the change, across the reactive chain's threads")
    void eventCarriesTheRequestsTrace() {
        String text = "traced " + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        web.post().uri("/notes").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .bodyValue(Map.of("text", text, "sequence", 1, "refuse", false)).exchange()
                .expectStatus().isCreated();

        List<ConsumerRecord<String, byte[]>> arrived = capture.await(1, withText(text), Duration.ofSeconds(30));

        assertThat(arrived).hasSize(1);
        assertThat(header(arrived.get(0), "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    @DisplayName("a rolled-back change sends nothing: neither its row nor its event exists")
    void rolledBackSendsNothing() {
        String refused = "refused " + UUID.randomUUID();
        String after = "after " + UUID.randomUUID();

        write(refused, true).expectStatus().isEqualTo(422);
        write(after, false).expectStatus().isCreated();

        // the relay publishes in id order: once the later note has arrived, the refused one would have too
        assertThat(capture.await(1, withText(after), Duration.ofSeconds(30))).hasSize(1);
        assertThat(capture.settle(withText(refused), Duration.ofMillis(500))).isEmpty();
        assertThat(count("select count(*) from note where text = :text", refused)).isZero();
        assertThat(count("select count(*) from hrm_kit.outbox_event where payload->>'text' = :text", refused)).isZero();
    }

    @Test
    @DisplayName("appending outside a transaction is refused: events never leave without their state change")
    void outsideTransaction() {
        StepVerifier.create(outbox.append(OutgoingEvent.of(NoteWritten.TYPE, "k", new NoteWritten("n", "t", 1))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("inside the transaction"))
                .verify();
    }

    private WebTestClient.ResponseSpec write(String text, boolean refuse) {
        return web.post().uri("/notes").header(HttpHeaders.AUTHORIZATION, TOKEN)
                .bodyValue(Map.of("text", text, "sequence", 1, "refuse", refuse)).exchange();
    }

    private long count(String sql, String text) {
        return db.sql(sql).bind("text", text).map(row -> row.get(0, Long.class)).one().block();
    }

    static Predicate<ConsumerRecord<String, byte[]>> withText(String text) {
        return record -> EventJson.read(record.value(), NoteWritten.class).text().equals(text);
    }
}
