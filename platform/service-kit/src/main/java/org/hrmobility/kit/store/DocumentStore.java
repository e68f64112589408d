package org.hrmobility.kit.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.hrmobility.kit.access.Access;
import org.hrmobility.kit.access.Visibility;
import org.hrmobility.kit.web.Export;
import org.hrmobility.kit.web.Page;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps aggregates as JSON documents, one table per {@link AggregateType}: the document with its schema version, the
 * type's declared columns beside it, and an optimistic version. A save names the version it read; if someone saved in
 * between, it fails ({@link OptimisticLockingFailureException}, answered 409). Lists are filtered, ordered, paged and
 * limited to what the viewer may see in SQL.
 */
public class DocumentStore {

    /** The largest page a list answers; longer lists are paged. */
    public static final int MAX_PAGE_SIZE = 200;

    private final DatabaseClient db;
    private final Access access;

    public DocumentStore(DatabaseClient db, Access access) {
        this.db = db;
        this.access = access;
    }

    public <T> Mono<Stored<T>> find(AggregateType<T> type, Object id) {
        return db.sql("select document, schema_version, version from " + type.table() + " where id = :id")
                .bind("id", id)
                .map(row -> read(type, row))
                .one();
    }

    /** Saves a new aggregate at version 1. */
    public <T> Mono<Stored<T>> insert(AggregateType<T> type, T value) {
        List<Column<T>> columns = type.columns();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner params = new StringJoiner(", ");
        columns.forEach(c -> {
            names.add(c.name());
            params.add(":c_" + c.name());
        });
        String sql = "insert into " + type.table() + " (id, subject_id" + (columns.isEmpty() ? "" : ", " + names)
                + ", document, schema_version, version) values (:id, :subject" + (columns.isEmpty() ? "" : ", " + params)
                + ", :document, :schema, 1)";
        return bindRow(type, db.sql(sql), value).fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> refusal(type, e))
                .thenReturn(new Stored<>(value, 1));
    }

    /** Saves the aggregate if it is still at {@code readVersion}; otherwise fails with a concurrent-update conflict. */
    public <T> Mono<Stored<T>> update(AggregateType<T> type, T value, int readVersion) {
        StringJoiner sets = new StringJoiner(", ");
        type.columns().forEach(c -> sets.add(c.name() + " = :c_" + c.name()));
        String sql = "update " + type.table() + " set subject_id = :subject, " + (type.columns().isEmpty() ? "" : sets + ", ")
                + "document = :document, schema_version = :schema, version = version + 1, updated_at = now()"
                + " where id = :id and version = :version";
        return bindRow(type, db.sql(sql), value).bind("version", readVersion).fetch().rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> refusal(type, e))
                .flatMap(rows -> rows == 1 ? Mono.just(new Stored<>(value, readVersion + 1))
                        : Mono.error(new OptimisticLockingFailureException(type.name() + " " + type.idOf(value)
                        + " changed since version " + readVersion)));
    }

    /** Every aggregate the query matches, in its order (for jobs and bounded lists; people get {@link #page}). */
    public <T> Flux<Stored<T>> list(Query<T> query, int limit) {
        Sql sql = select(query, "document, schema_version, version");
        return sql.ordered(db, " limit " + Math.max(1, limit)).map(row -> read(query.type(), row)).all();
    }

    /** One page of the query's matches and how many there are in all. */
    /** One page of the query's rows, or, for an export ({@link Export}), all of them up to its limit. */
    public <T> Mono<Page<Stored<T>>> page(Query<T> query, int page, int size) {
        return Export.paging(page, size, MAX_PAGE_SIZE).flatMap(paging -> pageOf(query, paging[0], paging[1]));
    }

    private <T> Mono<Page<Stored<T>>> pageOf(Query<T> query, int page, int bounded) {
        Sql sql = select(query, "document, schema_version, version, count(*) over () as total");
        return sql.ordered(db, " limit " + bounded + " offset " + (long) page * bounded)
                .map(row -> new Counted<>(read(query.type(), row), row.get("total", Long.class)))
                .all().collectList()
                .flatMap(rows -> rows.isEmpty() && page > 0 ? count(query).map(total -> new Page<Stored<T>>(List.of(), page, bounded, total))
                        : Mono.just(new Page<>(rows.stream().map(Counted::stored).toList(), page, bounded,
                        rows.isEmpty() ? 0 : rows.get(0).total())));
    }

    public <T> Mono<Long> count(Query<T> query) {
        return select(query, "count(*) as total").unordered(db, "").map(row -> row.get("total", Long.class)).one();
    }

    /** How many of the query's matches there are per value of one column (counts per kind, per status). */
    public <T> Mono<Map<String, Long>> countBy(Query<T> query, String column) {
        if (!query.type().declares(column)) {
            throw new IllegalArgumentException(query.type().name() + " has no query column " + column);
        }
        Sql sql = select(query, column + "::text as key, count(*) as n");
        return sql.unordered(db, " group by " + column)
                .map(row -> Map.entry(String.valueOf(row.get("key", String.class)), row.get("n", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private record Counted<T>(Stored<T> stored, Long total) {
    }

    /** A select of one query: its text up to the conditions, its order, and its bound values. */
    private record Sql(String text, Map<String, Object> binds, String orderBy) {

        /** The select in its order, followed by {@code tail} (a limit and offset). */
        DatabaseClient.GenericExecuteSpec ordered(DatabaseClient db, String tail) {
            return bound(db.sql(text + orderBy + tail));
        }

        /** The select followed by {@code tail} (a group by), without an order. */
        DatabaseClient.GenericExecuteSpec unordered(DatabaseClient db, String tail) {
            return bound(db.sql(text + tail));
        }

        private DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec spec) {
            for (Map.Entry<String, Object> b : binds.entrySet()) {
                spec = spec.bind(b.getKey(), b.getValue());
            }
            return spec;
        }
    }

    private <T> Sql select(Query<T> query, String what) {
        AggregateType<T> type = query.type();
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> binds = new HashMap<>();
        int[] n = {0};
        for (Filter f : query.filters()) {
            where.append(" and ").append(condition(type, f, binds, n));
        }
        if (query.viewer() != null) {
            Visibility visible = access.visibility(query.viewer(), type.readers());
            String alsoPublic = type.publicWhen().map(p -> " or " + p.column() + " = :v_public").orElse("");
            where.append(" and (").append(visible.sql()).append(alsoPublic).append(')');
            binds.putAll(visible.binds());
            type.publicWhen().ifPresent(p -> binds.put("v_public", p.value()));
        }
        StringJoiner order = new StringJoiner(", ", " order by ", "");
        query.orders().forEach(o -> order.add(o.column() + " " + o.direction().name()));
        order.add("id");
        return new Sql("select " + what + " from " + type.table() + where, binds, order.toString());
    }

    /** One filter as SQL, its values bound under fresh names. */
    private static <T> String condition(AggregateType<T> type, Filter f, Map<String, Object> binds, int[] n) {
        if (f.op() == Filter.Op.ANY_OF) {
            StringJoiner any = new StringJoiner(" or ", "(", ")");
            f.alternatives().forEach(alternative -> any.add(condition(type, alternative, binds, n)));
            return any.toString();
        }
        String param = "f" + n[0]++;
        Object value = type.column(f.column()).map(c -> c.bindable(f.value())).orElse(bindableStandard(f.value()));
        return switch (f.op()) {
            case IS_NULL, NOT_NULL -> f.column() + " " + f.op().sql;
            case MANAGED_BY -> {
                binds.put(param, value);
                yield f.column() + " " + f.op().sql + " :" + param + ")";
            }
            case IN -> {
                binds.put(param, array(value));
                yield f.column() + " = any(:" + param + ")";
            }
            default -> {
                binds.put(param, value);
                yield f.column() + " " + f.op().sql + " :" + param;
            }
        };
    }

    private static Object bindableStandard(Object value) {
        return value instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : value;
    }

    private static Object array(Object values) {
        if (values instanceof Object[]) {
            return values;
        }
        List<?> list = (List<?>) values;
        Object first = list.get(0);
        if (first instanceof UUID) {
            return list.toArray(UUID[]::new);
        }
        return list.stream().map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v)).toArray(String[]::new);
    }

    private <T> DatabaseClient.GenericExecuteSpec bindRow(AggregateType<T> type, DatabaseClient.GenericExecuteSpec spec, T value) {
        spec = spec.bind("id", type.idOf(value))
                .bind("document", Json.of(DocumentJson.write(value)))
                .bind("schema", type.schemaVersion());
        spec = bindNullable(spec, "subject", type.subjectOf(value), String.class);
        for (Column<T> c : type.columns()) {
            spec = bindNullable(spec, "c_" + c.name(), c.valueOf(value), c.bindType());
        }
        return spec;
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, Object value,
                                                                  Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static <T> Stored<T> read(AggregateType<T> type, Readable row) {
        return new Stored<>(DocumentJson.read(row.get("document", Json.class).asArray(), row.get("schema_version", Integer.class),
                type.schemaVersion(), type.upcasters(), type.type()), row.get("version", Integer.class));
    }

    /** A unique constraint the type names becomes its refusal; any other stays a conflict of concurrent saves. */
    private static <T> RuntimeException refusal(AggregateType<T> type, DataIntegrityViolationException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof PostgresqlException)) {
            cause = cause.getCause();
        }
        if (cause instanceof PostgresqlException pg) {
            String constraint = pg.getErrorDetails().getConstraintName().orElse("");
            return type.refusalFor(constraint).<RuntimeException>map(refusal -> refusal).orElse(e);
        }
        return e;
    }
}
