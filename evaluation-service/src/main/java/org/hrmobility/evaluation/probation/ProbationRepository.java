package org.hrmobility.evaluation.probation;

import static org.hrmobility.kit.db.Binds.nullable;

import java.time.LocalDate;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class ProbationRepository {

    private final DatabaseClient db;

    ProbationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Probation> findActive(String employeeId) {
        return db.sql("select document, version from probation where employee_id = :id and active").bind("id", employeeId)
                .map(row -> read(row.get("document", Json.class), row.get("version", Integer.class))).one();
    }

    public Mono<Probation> find(UUID id) {
        return db.sql("select document, version from probation where id = :id").bind("id", id)
                .map(row -> read(row.get("document", Json.class), row.get("version", Integer.class))).one();
    }

    Flux<Probation> findAll() {
        return db.sql("select document, version from probation order by id")
                .map(row -> read(row.get("document", Json.class), row.get("version", Integer.class))).all();
    }

    public Flux<UUID> withReminderBy(LocalDate day) {
        return db.sql("select id from probation where reminder_due <= :day").bind("day", day).map(row -> row.get(0, UUID.class)).all();
    }

    /** Version 0: a new probation; otherwise saved only if nobody changed it since it was read. */
    public Mono<Void> save(Probation p) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(p.version() == 0 ? """
                        insert into probation (id, employee_id, line_manager_id, entity, active, reminder_due, document, version)
                        values (:id, :employeeId, :lineManagerId, :entity, :active, :reminderDue, :document, 1)""" : """
                        update probation set active = :active, reminder_due = :reminderDue, document = :document,
                            version = version + 1, employee_id = :employeeId, line_manager_id = :lineManagerId, entity = :entity
                        where id = :id and version = :version""")
                .bind("id", p.id()).bind("employeeId", p.employeeId())
                .bind("lineManagerId", p.lineManagerId() == null ? "" : p.lineManagerId())
                .bind("entity", p.entity()).bind("active", p.isActive())
                .bind("document", Json.of(EventJson.write(p)));
        if (p.version() != 0) {
            spec = spec.bind("version", p.version());
        }
        LocalDate due = p.isActive() && !p.reminded() ? p.endsOn().minusMonths(1) : null;
        spec = nullable(spec, "reminderDue", due, LocalDate.class);
        return spec.fetch().rowsUpdated().flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(new OptimisticLockingFailureException("probation " + p.id() + " changed concurrently")));
    }

    private static Probation read(Json document, int version) {
        return EventJson.read(document.asArray(), Probation.class).withVersion(version);
    }
}
