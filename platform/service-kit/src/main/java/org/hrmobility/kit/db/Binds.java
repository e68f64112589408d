package org.hrmobility.kit.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What every repository binds the same way: a value that may be absent, an instant as a UTC timestamp, and a column
 * of many rows for one multi-row statement.
 */
public final class Binds {

    private Binds() {
    }

    /** Binds the value, or a typed null: the driver refuses an untyped one. */
    public static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, T value,
                                                                 Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** An instant as {@code timestamptz} wants it. */
    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * One column of these rows as text, to insert many rows in one statement with {@code unnest}: the statement casts
     * each column to its type, and an absent value stays null.
     */
    public static <T> String[] column(List<T> rows, Function<T, ?> value) {
        return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }
}
