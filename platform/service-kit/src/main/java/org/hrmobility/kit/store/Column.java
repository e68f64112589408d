package org.hrmobility.kit.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A declared, typed query column of an aggregate's table: what lists filter and sort by, what indexes and constraints
 * cover, derived from the aggregate each time it is saved. Its SQL type is the table's, created by the service's own
 * migration; the store binds values of the Java type here (a typed null when absent).
 */
public final class Column<T> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final Class<?> bindType;
    private final Function<T, ?> value;

    private Column(String name, Class<?> bindType, Function<T, ?> value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a column name is lower-case SQL: " + name);
        }
        this.name = name;
        this.bindType = Objects.requireNonNull(bindType);
        this.value = Objects.requireNonNull(value);
    }

    public static <T> Column<T> text(String name, Function<T, String> value) {
        return new Column<>(name, String.class, value);
    }

    /** An enum stored by its name. */
    public static <T> Column<T> name(String name, Function<T, ? extends Enum<?>> value) {
        return new Column<>(name, String.class, t -> {
            Enum<?> e = value.apply(t);
            return e == null ? null : e.name();
        });
    }

    public static <T> Column<T> date(String name, Function<T, LocalDate> value) {
        return new Column<>(name, LocalDate.class, value);
    }

    public static <T> Column<T> instant(String name, Function<T, Instant> value) {
        return new Column<>(name, OffsetDateTime.class, t -> {
            Instant at = value.apply(t);
            return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        });
    }

    public static <T> Column<T> bool(String name, Function<T, Boolean> value) {
        return new Column<>(name, Boolean.class, value);
    }

    public static <T> Column<T> integer(String name, Function<T, Integer> value) {
        return new Column<>(name, Integer.class, value);
    }

    public static <T> Column<T> bigint(String name, Function<T, Long> value) {
        return new Column<>(name, Long.class, value);
    }

    public static <T> Column<T> uuid(String name, Function<T, UUID> value) {
        return new Column<>(name, UUID.class, value);
    }

    /** A {@code text[]} column, e.g. skills searched with a GIN index. */
    public static <T> Column<T> textArray(String name, Function<T, Collection<String>> value) {
        return new Column<>(name, String[].class, t -> {
            Collection<String> values = value.apply(t);
            return values == null ? null : values.toArray(String[]::new);
        });
    }

    public String name() {
        return name;
    }

    Class<?> bindType() {
        return bindType;
    }

    /** The value to bind for this aggregate, in the column's bind type; null when absent. */
    Object valueOf(T aggregate) {
        return value.apply(aggregate);
    }

    /** A value a filter compares the column with, in the column's bind type. */
    Object bindable(Object filterValue) {
        if (filterValue instanceof Instant at) {
            return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        if (filterValue instanceof Enum<?> e) {
            return e.name();
        }
        if (filterValue instanceof Collection<?> values && bindType == String[].class) {
            return values.stream().map(String::valueOf).toArray(String[]::new);
        }
        return filterValue;
    }
}
