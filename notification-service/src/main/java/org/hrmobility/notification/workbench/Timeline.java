package org.hrmobility.notification.workbench;

import static org.hrmobility.kit.db.Binds.column;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.kit.web.Export;
import org.hrmobility.kit.web.Page;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * One timeline per employee, table {@code timeline_entry}: every decision event about them, from every service, with the
 * decision it came from (who, in what capacity, what and why). Written once per event.
 */
@Repository
class Timeline {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    /** One step in an employee's timeline. */
    record Entry(UUID eventId, String subjectId, String entity, String ceType, OffsetDateTime at, String actor, String actorEmployeeId,
                 String capacity, String onBehalfOf, String action, String reason, Map<String, Object> fields) {
    }

    private final DatabaseClient db;

    Timeline(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into timeline_entry (event_id, subject_id, entity, ce_type, at, actor, actor_employee_id, capacity,
                                                    on_behalf_of, action, reason, fields)
                        select cast(t.event_id as uuid), t.subject_id, t.entity, t.ce_type, cast(t.at as timestamptz), t.actor,
                               t.actor_employee_id, t.capacity, t.on_behalf_of, t.action, t.reason, cast(t.fields as jsonb)
                        from unnest(:id, :subject, :entity, :type, :at, :actor, :actorEmployee, :capacity, :onBehalfOf, :action,
                                    :reason, :fields)
                             as t (event_id, subject_id, entity, ce_type, at, actor, actor_employee_id, capacity, on_behalf_of,
                                   action, reason, fields)
                        on conflict (event_id) do nothing""")
                .bind("id", column(entries, Entry::eventId))
                .bind("subject", column(entries, Entry::subjectId))
                .bind("entity", column(entries, Entry::entity))
                .bind("type", column(entries, Entry::ceType))
                .bind("at", column(entries, Entry::at))
                .bind("actor", column(entries, Entry::actor))
                .bind("actorEmployee", column(entries, Entry::actorEmployeeId))
                .bind("capacity", column(entries, Entry::capacity))
                .bind("onBehalfOf", column(entries, Entry::onBehalfOf))
                .bind("action", column(entries, Entry::action))
                .bind("reason", column(entries, Entry::reason))
                .bind("fields", column(entries, e -> WorkItems.json(e.fields())))
                .then();
    }

    /** An employee's timeline, newest first; an export has it all. */
    Mono<Page<Entry>> page(String subjectId, int page, int size) {
        return Export.paging(page, size, WorkItems.MAX_PAGE).flatMap(paging -> pageOf(subjectId, paging[0], paging[1]));
    }

    private Mono<Page<Entry>> pageOf(String subjectId, int page, int size) {
        return db.sql("""
                        select event_id, subject_id, entity, ce_type, at, actor, actor_employee_id, capacity, on_behalf_of, action,
                               reason, fields::text as fields, count(*) over () as total
                        from timeline_entry where subject_id = :subject
                        order by at desc, event_id limit :limit offset :offset""")
                .bind("subject", subjectId).bind("limit", size).bind("offset", (long) page * size)
                .map(row -> Map.entry(new Entry(row.get("event_id", UUID.class), row.get("subject_id", String.class),
                        row.get("entity", String.class), row.get("ce_type", String.class), row.get("at", OffsetDateTime.class),
                        row.get("actor", String.class), row.get("actor_employee_id", String.class), row.get("capacity", String.class),
                        row.get("on_behalf_of", String.class), row.get("action", String.class), row.get("reason", String.class),
                        EventJson.mapper().readValue(row.get("fields", String.class), FIELDS)), row.get("total", Long.class)))
                .all().collectList()
                .map(rows -> new Page<>(rows.stream().map(Map.Entry::getKey).toList(), page, size,
                        rows.isEmpty() ? 0 : rows.get(0).getValue()));
    }

    Mono<Void> clear() {
        return db.sql("truncate timeline_entry").then();
    }
}
