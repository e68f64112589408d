package org.hrmobility.kit.audit;

import static org.hrmobility.kit.db.Binds.nullable;
import static org.hrmobility.kit.db.Binds.utc;

import java.time.OffsetDateTime;
import java.util.List;

import org.hrmobility.kit.domain.AuditEntry;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * The append-only history of every decision, written in the decision's own transaction (like its events), so
 * the history never misses a decision nor shows one that was rolled back.
 */
public class AuditTrail {

    private final DatabaseClient db;

    public AuditTrail(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(String aggregateType, String aggregateId, AuditEntry entry) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into hrm_kit.audit_entry (aggregate_type, aggregate_id, at, actor_subject, actor_employee_id, action,
                                                         detail, capacity, on_behalf_of)
                        values (:type, :id, :at, :actor, :employeeId, :action, :detail, :capacity, :onBehalfOf)""")
                .bind("type", aggregateType).bind("id", aggregateId)
                .bind("at", utc(entry.at()))
                .bind("actor", entry.actor()).bind("action", entry.action());
        spec = nullable(spec, "employeeId", entry.actorEmployeeId(), String.class);
        spec = nullable(spec, "detail", entry.detail(), String.class);
        spec = nullable(spec, "capacity", entry.capacity(), String.class);
        spec = nullable(spec, "onBehalfOf", entry.onBehalfOf(), String.class);
        return spec.then();
    }

    /** The history of one aggregate, oldest first. */
    public Mono<List<AuditEntry>> of(String aggregateType, String aggregateId) {
        return db.sql("""
                        select at, actor_subject, actor_employee_id, action, detail, capacity, on_behalf_of from hrm_kit.audit_entry
                        where aggregate_type = :type and aggregate_id = :id order by id""")
                .bind("type", aggregateType).bind("id", aggregateId)
                .map(row -> new AuditEntry(row.get("at", OffsetDateTime.class).toInstant(), row.get("actor_subject", String.class),
                        row.get("actor_employee_id", String.class), row.get("action", String.class), row.get("detail", String.class),
                        row.get("capacity", String.class), row.get("on_behalf_of", String.class)))
                .all().collectList();
    }
}
