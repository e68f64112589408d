package org.hrmobility.notification.workbench;

import static org.hrmobility.kit.db.Binds.column;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.web.Export;
import org.hrmobility.kit.web.Page;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The worklist projection, table {@code work_item}: one row per kind and thing, open or closed, with the offset of the
 * event that last moved it. A change applies only when it is newer than the row, so events replayed, redelivered or
 * rebuilt in any order end in the same state. Whose worklist an item is on is decided when it is read, from today's
 * master data and delegations (R-ACC-1, R-ACC-3).
 */
@Repository
class WorkItems {

    static final int MAX_PAGE = 200;

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    /** One change of an item: opened (or renewed) with its texts' data and due date, or closed. */
    record Change(WorkKind kind, String key, boolean open, String subjectId, String entity, String ceType, String fields,
                  LocalDate dueOn, OffsetDateTime at, long version) {
    }

    /** The filters of a worklist. */
    record Filters(WorkKind kind, String entity, LocalDate dueBefore, boolean overdue) {

        WorklistQuery.Filters query() {
            return new WorklistQuery.Filters(kind == null ? null : kind.name(), entity, dueBefore, overdue);
        }
    }

    private final DatabaseClient db;

    WorkItems(DatabaseClient db) {
        this.db = db;
    }

    /** Applies the changes of a batch in one statement; each item takes its newest change. */
    Mono<Void> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into work_item (kind, item_key, audience, open, subject_id, entity, ce_type, fields, due_on, opened_at,
                                               version)
                        select c.kind, c.item_key, c.audience, c.open, c.subject_id, c.entity, c.ce_type, cast(c.fields as jsonb),
                               cast(c.due_on as date), cast(c.at as timestamptz), cast(c.version as bigint)
                        from unnest(:kind, :key, :audience, :open, :subject, :entity, :type, :fields, :due, :at, :version)
                             as c (kind, item_key, audience, open, subject_id, entity, ce_type, fields, due_on, at, version)
                        on conflict (kind, item_key) do update set open = excluded.open,
                            subject_id = coalesce(excluded.subject_id, work_item.subject_id),
                            entity = coalesce(excluded.entity, work_item.entity),
                            ce_type = case when excluded.open then excluded.ce_type else work_item.ce_type end,
                            fields = case when excluded.open then excluded.fields else work_item.fields end,
                            due_on = case when excluded.open then excluded.due_on else work_item.due_on end,
                            opened_at = case when excluded.open then excluded.opened_at else work_item.opened_at end,
                            version = excluded.version, updated_at = now()
                        where work_item.version < excluded.version or excluded.version < 0""")
                .bind("kind", column(changes, Change::kind))
                .bind("key", column(changes, Change::key))
                .bind("audience", column(changes, c -> c.kind().audience()))
                .bind("open", changes.stream().map(Change::open).toArray(Boolean[]::new))
                .bind("subject", column(changes, Change::subjectId))
                .bind("entity", column(changes, Change::entity))
                .bind("type", column(changes, Change::ceType))
                .bind("fields", column(changes, Change::fields))
                .bind("due", column(changes, Change::dueOn))
                .bind("at", column(changes, Change::at))
                .bind("version", column(changes, Change::version))
                .then();
    }

    /** This person's open items, due first; {@code today} decides what is overdue. An export has them all. */
    Mono<Page<WorkItem>> page(CurrentUser user, Filters filters, LocalDate today, int page, int size) {
        return Export.paging(page, size, MAX_PAGE).flatMap(paging -> pageOf(user, filters, today, paging[0], paging[1]));
    }

    private Mono<Page<WorkItem>> pageOf(CurrentUser user, Filters filters, LocalDate today, int page, int size) {
        WorklistQuery query = WorklistQuery.page(WorklistQuery.Viewer.of(user), filters.query(), today, page, size);
        return query.bind(db.sql(query.sql()))
                .map(row -> new Counted(item(row), row.get("total", Long.class)))
                .all().collectList()
                .map(rows -> new Page<>(rows.stream().map(Counted::item).toList(), page, size, rows.isEmpty() ? 0 : rows.get(0).total()));
    }

    /** How many open items of each kind this person has, with the same filters but the kind. */
    Mono<Map<String, Long>> countsByKind(CurrentUser user, Filters filters, LocalDate today) {
        WorklistQuery query = WorklistQuery.countsByKind(WorklistQuery.Viewer.of(user), filters.query(), today);
        return query.bind(db.sql(query.sql()))
                .map(row -> Map.entry(row.get("kind", String.class), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    Mono<Void> clear() {
        return db.sql("truncate work_item").then();
    }

    private record Counted(WorkItem item, Long total) {
    }

    private static WorkItem item(Readable row) {
        OffsetDateTime opened = row.get("opened_at", OffsetDateTime.class);
        String fields = row.get("fields", String.class);
        return new WorkItem(WorkKind.valueOf(row.get("kind", String.class)), row.get("item_key", String.class),
                row.get("subject_id", String.class), row.get("name", String.class), row.get("entity", String.class),
                row.get("ce_type", String.class), fields == null ? Map.of() : EventJson.mapper().readValue(fields, FIELDS),
                row.get("due_on", LocalDate.class), opened == null ? null : opened.toInstant());
    }

    static String json(Map<String, Object> fields) {
        return new String(EventJson.write(fields), StandardCharsets.UTF_8);
    }
}
