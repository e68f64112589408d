package org.hrmobility.notification.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hrmobility.contracts.EventExamples;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.EventType;

import tools.jackson.core.type.TypeReference;

/**
 * Payloads as the producing services write them: the contract's checked-in example of the type (every field the
 * consumers and the texts read), with the employee, their line manager and entity, the thing's id and the flow's own
 * fields put in.
 */
final class Payloads {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final Map<String, Map<String, Object>> EXAMPLES = new ConcurrentHashMap<>();

    private Payloads() {
    }

    static Map<String, Object> of(EventType<?> type, Workforce.Employee about, String keyField, String key, Map<String, Object> fields) {
        Map<String, Object> example = EXAMPLES.computeIfAbsent(type.ceType(),
                t -> EventJson.mapper().readValue(EventExamples.bytes(type), FIELDS));
        Map<String, Object> payload = new LinkedHashMap<>(example);
        payload.put("employeeId", about.id());
        payload.put("lineManagerId", about.lineManagerId());
        payload.put("entity", about.entity());
        payload.put(keyField, key);
        payload.putAll(fields);
        return payload;
    }
}
