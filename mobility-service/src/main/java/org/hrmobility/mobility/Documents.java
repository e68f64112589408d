package org.hrmobility.mobility;

import static org.hrmobility.kit.db.Binds.nullable;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.hrmobility.contracts.EventJson;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores the mobility records as documents in one table, with the columns queries need. A record of version 0
 * is inserted; any other is saved only if nobody saved it since it was read (otherwise 409).
 */
@Repository
public class Documents {

    /** The queryable side of a record. */
    public record Columns(String employeeId, String lineManagerId, String entity, String status, UUID parentId, LocalDate dueOn,
                          Long amountCents) {

        public static Columns of(String employeeId, String lineManagerId, String entity, String status) {
            return new Columns(employeeId, lineManagerId, entity, status, null, null, null);
        }

        public Columns parent(UUID id) {
            return new Columns(employeeId, lineManagerId, entity, status, id, dueOn, amountCents);
        }

        public Columns due(LocalDate day) {
            return new Columns(employeeId, lineManagerId, entity, status, parentId, day, amountCents);
        }

        public Columns amount(long cents) {
            return new Columns(employeeId, lineManagerId, entity, status, parentId, dueOn, cents);
        }
    }

    private final DatabaseClient db;

    Documents(DatabaseClient db) {
        this.db = db;
    }

    /** Reads a record of this kind; {@code withVersion} gives it the stored version. */
    public <T> Mono<T> find(String kind, UUID id, Class<T> type, BiFunction<T, Integer, T> withVersion) {
        return db.sql("select document, version from mobility_record where id = :id and kind = :kind")
                .bind("id", id).bind("kind", kind)
                .map(row -> withVersion.apply(EventJson.read(row.get("document", Json.class).asArray(), type),
                        row.get("version", Integer.class)))
                .one();
    }

    /** Reads records of this kind matching a condition on the columns, e.g. {@code status = :status}. */
    public <T> Flux<T> query(String kind, String condition, Map<String, Object> binds, Class<T> type,
                             BiFunction<T, Integer, T> withVersion) {
        return db.sql("select document, version from mobility_record where kind = :kind and (" + condition + ") order by created_at")
                .bind("kind", kind).bindValues(binds)
                .map(row -> withVersion.apply(EventJson.read(row.get("document", Json.class).asArray(), type),
                        row.get("version", Integer.class)))
                .all();
    }

    public Mono<Void> save(String kind, UUID id, Object document, int version, Columns columns) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(version == 0 ? """
                        insert into mobility_record (id, kind, employee_id, line_manager_id, entity, status, parent_id, due_on,
                                                     amount_cents, document, version)
                        values (:id, :kind, :employeeId, :lineManagerId, :entity, :status, :parentId, :dueOn, :amount, :document, 1)"""
                        : """
                        update mobility_record set employee_id = :employeeId, line_manager_id = :lineManagerId, entity = :entity,
                            status = :status, parent_id = :parentId, due_on = :dueOn, amount_cents = :amount,
                            document = :document, version = version + 1
                        where id = :id and kind = :kind and version = :version""")
                .bind("id", id).bind("kind", kind).bind("document", Json.of(EventJson.write(document)));
        if (version != 0) {
            spec = spec.bind("version", version);
        }
        spec = nullable(spec, "employeeId", columns.employeeId(), String.class);
        spec = nullable(spec, "lineManagerId", columns.lineManagerId(), String.class);
        spec = nullable(spec, "entity", columns.entity(), String.class);
        spec = nullable(spec, "status", columns.status(), String.class);
        spec = nullable(spec, "parentId", columns.parentId(), UUID.class);
        spec = nullable(spec, "dueOn", columns.dueOn(), LocalDate.class);
        spec = nullable(spec, "amount", columns.amountCents(), Long.class);
        return spec.fetch().rowsUpdated().flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(new OptimisticLockingFailureException(kind + " " + id + " changed concurrently")));
    }

    public DatabaseClient client() {
        return db;
    }
}
