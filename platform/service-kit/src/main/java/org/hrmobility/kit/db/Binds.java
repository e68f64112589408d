package org.hrmobility.kit.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;

/** What every repository binds the same way: a value that may be absent, and an instant as a UTC timestamp. */
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
}
