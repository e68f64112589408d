package org.hrmobility.evaluation.evaluation;

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

/** Evaluation files stored whole as JSON documents beside the columns for access, reminders and figures. */
@Repository
public class EvaluationRepository {

    private final DatabaseClient db;

    EvaluationRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<EvaluationFile> find(String employeeId) {
        return db.sql("select document, version from evaluation_file where employee_id = :id").bind("id", employeeId)
                .map(row -> read(row.get("document", Json.class), row.get("version", Integer.class))).one();
    }

    Mono<EvaluationFile> findByEvaluation(UUID evaluationId) {
        return db.sql("select document, version from evaluation_file where document -> 'evaluations' @> cast(:match as jsonb)")
                .bind("match", "[{\"id\":\"" + evaluationId + "\"}]")
                .map(row -> read(row.get("document", Json.class), row.get("version", Integer.class))).one();
    }

    Flux<String> withReminderBy(LocalDate day) {
        return db.sql("select employee_id from evaluation_file where reminder_due <= :day").bind("day", day)
                .map(row -> row.get(0, String.class)).all();
    }

    /** Inserts a new file or saves a read one if nobody changed it since; otherwise the transaction fails with 409. */
    Mono<Void> save(EvaluationFile file) {
        String sql = isNew(file) ? """
                insert into evaluation_file (employee_id, line_manager_id, entity, state, mandated_on, reminder_due, document, version)
                values (:id, :lineManagerId, :entity, :state, :mandatedOn, :reminderDue, :document, 1)
                on conflict (employee_id) do nothing""" : """
                update evaluation_file set line_manager_id = :lineManagerId, entity = :entity, state = :state,
                    mandated_on = :mandatedOn, reminder_due = :reminderDue, document = :document, version = version + 1
                where employee_id = :id and version = :version""";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("id", file.employeeId())
                .bind("lineManagerId", file.lineManagerId() == null ? "" : file.lineManagerId())
                .bind("entity", file.entity())
                .bind("state", file.state().name())
                .bind("document", Json.of(EventJson.write(file)));
        if (!(isNew(file))) {
            spec = spec.bind("version", file.version());
        }
        LocalDate mandatedOn = file.state() == EvaluationFile.State.DISMISSAL_MANDATED ? file.followUp().endedOn() : null;
        spec = nullable(spec, "mandatedOn", mandatedOn, LocalDate.class);
        spec = nullable(spec, "reminderDue", file.reminderDue(), LocalDate.class);
        return spec.fetch().rowsUpdated().flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(new OptimisticLockingFailureException("evaluation file of " + file.employeeId() + " changed concurrently")));
    }

    /** A file never saved has version 0 and exists only in memory; a stored one is read with version 1 or more. */
    private static boolean isNew(EvaluationFile file) {
        return file.version() == 0;
    }

    private static EvaluationFile read(Json document, int version) {
        return EventJson.read(document.asArray(), EvaluationFile.class).withVersion(version);
    }
}
