package org.hrmobility.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.test.TestEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A batch-mode consumer's inbox on the real database: one transaction per poll, each event applied once, and a
 * failure pinned on the one event that caused it (the binder retries and dead-letters that one alone).
 */
@ServiceIntegrationTest
class InboxBatchIT {

    static final String CONSUMER = "kittest-batch";

    @Autowired
    Inbox inbox;
    @Autowired
    DatabaseClient db;

    final List<List<String>> calls = new ArrayList<>();

    @Test
    @DisplayName("a poll is applied in one call; the same records polled again apply to nothing, a record twice in one poll once")
    void appliesEachEventOnce() {
        Record a = record("Anna");
        Record b = record("Bert");
        assertThat(inbox.handleAllOnce(CONSUMER, batch(a, b, a), this::copy)).isEqualTo(2);
        assertThat(calls).containsExactly(List.of(a.employeeId(), b.employeeId()));

        Record c = record("Carla");
        assertThat(inbox.handleAllOnce(CONSUMER, batch(a, b, c), this::copy)).isEqualTo(1);
        assertThat(calls).last().isEqualTo(List.of(c.employeeId()));
        assertThat(applied(a)).isEqualTo(1);
        assertThat(applied(c)).isEqualTo(1);
    }

    @Test
    @DisplayName("a malformed record is reported by its index, after the records before it are applied")
    void malformedRecordIsPinnedByIndex() {
        Record a = record("Anna");
        Record b = record("Bert");
        Message<byte[]> broken = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> inbox.handleAllOnce(CONSUMER, batch(List.of(a.message(), b.message(), broken, record("Cees").message())),
                this::copy))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(MalformedEventException.class);
                });
        assertThat(applied(a)).isEqualTo(1);
        assertThat(applied(b)).isEqualTo(1);
    }

    @Test
    @DisplayName("a failing batch is applied one by one: the records before the failing one stay applied, the failing one is named")
    void failingBatchFallsBackToOneByOne() {
        Record a = record("Anna");
        Record poison = record("POISON");
        Record c = record("Carla");

        assertThatThrownBy(() -> inbox.handleAllOnce(CONSUMER, batch(a, poison, c), this::copy))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(applied(a)).isEqualTo(1);
        assertThat(applied(poison)).isZero();
        assertThat(applied(c)).isZero();

        // the binder then retries from the failing record on: once it is fixed (here: skipped), the rest applies once
        assertThat(inbox.handleAllOnce(CONSUMER, batch(a, c), this::copy)).isEqualTo(1);
        assertThat(applied(a)).isEqualTo(1);
        assertThat(applied(c)).isEqualTo(1);
    }

    @Test
    @DisplayName("a single record replayed from a dead-letter topic is the batch of one the binder would have made")
    void singleRecordAsBatch() {
        Record a = record("Anna");
        List<Message<byte[]>> split = EventBatch.split(EventBatch.of(a.message()));
        assertThat(split).hasSize(1);
        assertThat(IncomingEvent.from(split.get(0)).metadata()).isEqualTo(a.metadata());
        assertThat(split.get(0).getHeaders().get(KafkaHeaders.RECEIVED_KEY)).isEqualTo(a.employeeId());
    }

    private Mono<Void> copy(List<IncomingEvent> events) {
        calls.add(events.stream().map(e -> e.payload(EmployeeEvents.EMPLOYEE_UPSERTED).employeeId()).toList());
        return Flux.fromIterable(events).concatMap(event -> {
            EmployeeUpserted employee = event.payload(EmployeeEvents.EMPLOYEE_UPSERTED);
            if ("POISON".equals(employee.name())) {
                return Mono.error(new IllegalStateException("cannot copy " + employee.employeeId()));
            }
            return db.sql("""
                            insert into employee_copy (employee_id, name, grade, applied_count) values (:id, :name, 'A1', 1)
                            on conflict (employee_id) do update set applied_count = employee_copy.applied_count + 1""")
                    .bind("id", employee.employeeId()).bind("name", employee.name()).then();
        }).then();
    }

    private int applied(Record record) {
        List<Integer> counts = db.sql("select applied_count from employee_copy where employee_id = :id")
                .bind("id", record.employeeId()).map(row -> row.get(0, Integer.class)).all().collectList().block();
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static Record record(String name) {
        String id = "E-" + UUID.randomUUID();
        EmployeeUpserted employee = InboxIT.employee(id, name, "A1");
        EventMetadata metadata = TestEvents.metadata(EmployeeEvents.EMPLOYEE_UPSERTED, id);
        Map<String, Object> headers = new HashMap<>(KafkaCloudEvents.headers(KafkaCloudEvents.record("t", id, metadata, new byte[0])));
        headers.put(KafkaHeaders.RECEIVED_KEY, id);
        return new Record(id, metadata, MessageBuilder.withPayload(EventJson.write(employee)).copyHeaders(headers).build());
    }

    private static Message<List<byte[]>> batch(Record... records) {
        return batch(java.util.Arrays.stream(records).map(Record::message).toList());
    }

    /** Shaped as the Kafka binder shapes a poll: payloads in a list, each record's headers in a list beside them. */
    private static Message<List<byte[]>> batch(List<Message<byte[]>> messages) {
        List<Map<String, Object>> converted = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (Message<byte[]> message : messages) {
            Map<String, Object> own = new HashMap<>(message.getHeaders());
            keys.add(own.remove(KafkaHeaders.RECEIVED_KEY));
            converted.add(own);
        }
        return MessageBuilder.withPayload(messages.stream().map(Message::getPayload).toList())
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, converted)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .build();
    }

    private record Record(String employeeId, EventMetadata metadata, Message<byte[]> message) {
    }
}
