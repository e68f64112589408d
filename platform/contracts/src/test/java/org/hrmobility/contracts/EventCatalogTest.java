package org.hrmobility.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class EventCatalogTest {

    static Iterable<EventType<?>> allTypes() {
        return EventCatalog.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    @DisplayName("every event type has a checked-in example that reads into its payload and back without loss")
    void exampleRoundTrips(EventType<?> type) {
        byte[] example = EventExamples.bytes(type);

        Object payload = EventJson.read(example, type.payloadType());
        JsonNode written = EventJson.mapper().readTree(EventJson.write(payload));

        assertThat(written).isEqualTo(EventJson.mapper().readTree(example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTypes")
    @DisplayName("every event type is versioned, named hrm.<context>.<Name>.v<n>, and found by that name")
    void typeNamesAreVersioned(EventType<?> type) {
        assertThat(type.ceType()).matches("hrm\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
        assertThat(EventCatalog.byCeType(type.ceType())).contains(type);
        assertThat(type.topic()).startsWith("hrm.");
    }

    @Test
    @DisplayName("payload readers tolerate fields added later within a version")
    void toleratesUnknownFields() {
        var withExtra = EventJson.mapper().readTree(
                EventExamples.bytes(org.hrmobility.contracts.employee.EmployeeEvents.EMPLOYEE_UPSERTED));
        ((tools.jackson.databind.node.ObjectNode) withExtra).put("addedInAFutureMinorVersion", "x");

        var payload = EventJson.read(EventJson.write(withExtra),
                org.hrmobility.contracts.employee.EmployeeUpserted.class);

        assertThat(payload.employeeId()).isEqualTo("E-0003");
    }

    @Test
    @DisplayName("a body that is not the payload's JSON is reported as malformed, not as a generic error")
    void malformedPayload() {
        assertThatThrownBy(() -> EventJson.read("{not json".getBytes(),
                org.hrmobility.contracts.employee.EmployeeUpserted.class))
                .isInstanceOf(EventJson.MalformedPayloadException.class);
        assertThatThrownBy(() -> EventJson.read("{\"employeeId\":\"E-1\"}".getBytes(),
                org.hrmobility.contracts.employee.EmployeeUpserted.class))
                .isInstanceOf(EventJson.MalformedPayloadException.class)
                .hasMessageContaining("entity");
    }

    @Test
    @DisplayName("dead-letter topics are named <topic>.<group>.dlq")
    void deadLetterName() {
        assertThat(Topics.deadLetter(Topics.EMPLOYEES, "notification")).isEqualTo("hrm.employees.notification.dlq");
    }
}
