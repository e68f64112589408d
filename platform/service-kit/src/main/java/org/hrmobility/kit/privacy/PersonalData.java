package org.hrmobility.kit.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * One part of what a service holds about a person, for a data subject's request (R-PRV-1). The kit gives every service
 * the records kept in its document store, their history, the master data, deputies and the person's acts; a service adds
 * what it keeps elsewhere (the notification service: notifications, preferences, worklist and timeline) as beans.
 */
public interface PersonalData {

    /** The name of the part in the export, e.g. {@code notifications}. */
    String part();

    /** Everything of this part about the employee, as plain data (JSON-ready maps and lists). */
    Mono<List<Map<String, Object>>> about(String employeeId);

    /** A part read with one query, the employee id bound as {@code :id}; every column as it is, dates and texts as text. */
    static PersonalData query(String part, DatabaseClient db, String sql) {
        return new PersonalData() {
            @Override
            public String part() {
                return part;
            }

            @Override
            public Mono<List<Map<String, Object>>> about(String employeeId) {
                return db.sql(sql).bind("id", employeeId).map((row, meta) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    meta.getColumnMetadatas().forEach(c -> {
                        Object value = row.get(c.getName());
                        values.put(c.getName(), value == null || value instanceof Number || value instanceof Boolean ? value
                                : String.valueOf(value));
                    });
                    return values;
                }).all().collectList();
            }
        };
    }
}
