package org.hrmobility.redeployment.casefile;

import static org.hrmobility.kit.db.Binds.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Cases stored whole as JSON documents, with the columns queries and figures need; the history beside them. */
@Repository
public class CaseRepository {

    private final DatabaseClient db;

    CaseRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<RedeploymentCase> find(UUID id) {
        return db.sql("select state, version from redeployment_case where id = :id").bind("id", id)
                .map(row -> read(row.get("state", Json.class), row.get("version", Integer.class))).one();
    }

    /** Cases visible to this user, newest first: case handlers all, line managers their reports', employees their own. */
    Flux<RedeploymentCase> findVisible(CurrentUser user, CaseStatus status, int page, int size) {
        return visible("select state, version from redeployment_case", user, status,
                " order by opened_at desc limit :size offset :offset")
                .bind("size", size).bind("offset", page * size)
                .map(row -> read(row.get("state", Json.class), row.get("version", Integer.class))).all();
    }

    Mono<Long> countVisible(CurrentUser user, CaseStatus status) {
        return visible("select count(*) from redeployment_case", user, status, "").map(row -> row.get(0, Long.class)).one();
    }

    private DatabaseClient.GenericExecuteSpec visible(String select, CurrentUser user, CaseStatus status, String tail) {
        String who = user.isCaseHandler() ? "true"
                : user.has(Role.LINE_MANAGER) ? "(employee_id = :me or line_manager_id = :me)" : "employee_id = :me";
        DatabaseClient.GenericExecuteSpec spec = db.sql(select + " where " + who
                + (status == null ? "" : " and status = :status") + tail);
        if (!user.isCaseHandler()) {
            spec = spec.bind("me", user.employeeId() == null ? "" : user.employeeId());
        }
        return status == null ? spec : spec.bind("status", status.name());
    }

    Flux<UUID> withDeadlineBy(LocalDate day) {
        return db.sql("select id from redeployment_case where next_deadline <= :day").bind("day", day)
                .map(row -> row.get("id", UUID.class)).all();
    }

    Mono<Void> insert(RedeploymentCase c) {
        return db.sql("""
                        insert into redeployment_case (id, employee_id, line_manager_id, entity, status, opened_at, state, version)
                        values (:id, :employeeId, :lineManagerId, :entity, :status, :openedAt, :state, 0)""")
                .bind("id", c.id())
                .bind("employeeId", c.employee().employeeId())
                .bind("lineManagerId", c.employee().lineManagerId() == null ? "" : c.employee().lineManagerId())
                .bind("entity", c.employee().entity())
                .bind("status", c.status().name())
                .bind("openedAt", utc(c.openedAt()))
                .bind("state", Json.of(EventJson.write(c)))
                .then();
    }

    /** Saves the case if nobody changed it since it was read; otherwise the whole transaction fails with 409. */
    Mono<Void> update(RedeploymentCase c) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update redeployment_case set status = :status, registered_at = :registeredAt, placed_at = :placedAt,
                            placed_ex_officio = :exOfficio, refusals = :refusals, next_deadline = :nextDeadline,
                            state = :state, version = version + 1
                        where id = :id and version = :version""")
                .bind("id", c.id()).bind("version", c.version())
                .bind("status", c.status().name())
                .bind("refusals", c.refusals())
                .bind("state", Json.of(EventJson.write(c)));
        spec = c.admissibility() != null && c.admissibility().redeployable()
                ? spec.bind("registeredAt", utc(c.admissibility().decidedAt())) : spec.bindNull("registeredAt", OffsetDateTime.class);
        spec = c.placement() != null
                ? spec.bind("placedAt", utc(c.placement().at())).bind("exOfficio", c.placement().exOfficio())
                : spec.bindNull("placedAt", OffsetDateTime.class).bindNull("exOfficio", Boolean.class);
        spec = c.openOffer().isPresent()
                ? spec.bind("nextDeadline", c.openOffer().get().respondBy()) : spec.bindNull("nextDeadline", LocalDate.class);
        return spec.fetch().rowsUpdated().flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                : Mono.error(new OptimisticLockingFailureException("case " + c.id() + " changed concurrently")));
    }

    private static RedeploymentCase read(Json state, int version) {
        return EventJson.read(state.asArray(), RedeploymentCase.class).withVersion(version);
    }
}
