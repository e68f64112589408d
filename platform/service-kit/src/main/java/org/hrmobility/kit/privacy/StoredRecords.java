package org.hrmobility.kit.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of the document store whose subject is the person, in every table the store keeps (found in the schema:
 * a new aggregate type is exported without anyone remembering to add it), each with its history lines.
 */
final class StoredRecords implements PersonalData {

    private final DatabaseClient db;
    private final JsonMapper json;

    StoredRecords(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String part() {
        return "records";
    }

    @Override
    public Mono<List<Map<String, Object>>> about(String employeeId) {
        return tables().concatMap(table -> db.sql("select id::text as id, document::text as document from " + table
                                + " where subject_id = :subject order by created_at")
                        .bind("subject", employeeId)
                        .map(row -> record(table, row.get("id", String.class), row.get("document", String.class)))
                        .all())
                .concatMap(this::withHistory)
                .collectList();
    }

    /** The document-store tables of this service: a subject, a document and its schema version. */
    private Flux<String> tables() {
        return db.sql("""
                        select c.table_name from information_schema.columns c
                        where c.table_schema = current_schema() and c.column_name in ('subject_id', 'document', 'schema_version')
                        group by c.table_name having count(*) = 3 order by c.table_name""")
                .map(row -> row.get("table_name", String.class)).all();
    }

    private Map<String, Object> record(String table, String id, String document) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", table);
        record.put("id", id);
        record.put("document", json.readValue(document, Object.class));
        return record;
    }

    private Mono<Map<String, Object>> withHistory(Map<String, Object> record) {
        return db.sql("""
                        select at, actor_subject, actor_employee_id, action, detail, capacity, on_behalf_of
                        from hrm_kit.audit_entry where aggregate_id = :id order by id""")
                .bind("id", record.get("id"))
                .map(row -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("at", String.valueOf(row.get("at", java.time.OffsetDateTime.class)));
                    line.put("actor", row.get("actor_subject", String.class));
                    line.put("actorEmployeeId", row.get("actor_employee_id", String.class));
                    line.put("action", row.get("action", String.class));
                    line.put("detail", row.get("detail", String.class));
                    line.put("capacity", row.get("capacity", String.class));
                    line.put("onBehalfOf", row.get("on_behalf_of", String.class));
                    return line;
                })
                .all().collectList()
                .map(history -> {
                    Map<String, Object> withHistory = new LinkedHashMap<>(record);
                    withHistory.put("history", new ArrayList<>(history));
                    return withHistory;
                });
    }
}
