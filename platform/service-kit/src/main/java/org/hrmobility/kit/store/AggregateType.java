package org.hrmobility.kit.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.hrmobility.kit.access.Readers;
import org.hrmobility.kit.domain.DomainException;
import org.hrmobility.kit.employee.Employee;

/**
 * How one kind of aggregate is kept: its table, its document class and schema version (with the upcasters from older
 * ones), its id, the employee whose file it is (the subject: who may see and act on it follows from today's master
 * data about that person), who else may read it, and the typed columns lists query. One table per aggregate type:
 * <pre>
 * create table redeployment_case (
 *     id uuid primary key, subject_id text, ...declared columns...,
 *     document jsonb not null, schema_version int not null, version int not null,
 *     created_at timestamptz not null default now(), updated_at timestamptz not null default now());
 * </pre>
 */
public final class AggregateType<T> {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    static final List<String> STANDARD_COLUMNS = List.of("id", "subject_id", "created_at", "updated_at");

    private final String name;
    private final String table;
    private final Class<T> type;
    private final Function<T, ?> id;
    private final Function<T, String> subject;
    private final Readers readers;
    private final int schemaVersion;
    private final Map<Integer, Upcaster> upcasters;
    private final Map<String, Column<T>> columns;
    private final Map<String, Supplier<? extends DomainException>> uniqueConstraints;
    private final BiFunction<T, Employee, T> refresh;
    private final PublicWhen<T> publicWhen;

    /** Aggregates everyone may read in one state (a published talent offer), besides those involved. */
    record PublicWhen<T>(String column, String value, Predicate<T> test) {
    }

    private AggregateType(Builder<T> b) {
        this.name = b.name;
        this.table = b.table;
        this.type = b.type;
        this.id = Objects.requireNonNull(b.id, name + ": id");
        this.subject = b.subject == null ? t -> null : b.subject;
        this.readers = b.readers;
        this.schemaVersion = b.schemaVersion;
        this.upcasters = Map.copyOf(b.upcasters);
        Map<String, Column<T>> byName = new LinkedHashMap<>();
        b.columns.forEach(c -> {
            if (STANDARD_COLUMNS.contains(c.name()) || byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException(name + ": column " + c.name() + " declared twice or reserved");
            }
        });
        this.columns = byName;
        this.uniqueConstraints = Map.copyOf(b.uniqueConstraints);
        this.refresh = b.refresh;
        this.publicWhen = b.publicWhen;
        if (publicWhen != null && !declares(publicWhen.column())) {
            throw new IllegalArgumentException(name + ": public when " + publicWhen.column() + ", which is not a declared column");
        }
        for (int v = 1; v < schemaVersion; v++) {
            if (!upcasters.containsKey(v)) {
                throw new IllegalArgumentException(name + ": no upcaster from schema version " + v + " to " + (v + 1));
            }
        }
    }

    /**
     * @param name  the aggregate's name in the history and in "not found" answers, e.g. {@code redeployment-case}
     * @param table its table
     */
    public static <T> Builder<T> builder(String name, String table, Class<T> type) {
        return new Builder<>(name, table, type);
    }

    public String name() {
        return name;
    }

    String table() {
        return table;
    }

    Class<T> type() {
        return type;
    }

    public Object idOf(T aggregate) {
        return id.apply(aggregate);
    }

    /** The employee whose file this is, or null for aggregates about nobody in particular (a call). */
    public String subjectOf(T aggregate) {
        return subject.apply(aggregate);
    }

    public Readers readers() {
        return readers;
    }

    int schemaVersion() {
        return schemaVersion;
    }

    Map<Integer, Upcaster> upcasters() {
        return upcasters;
    }

    List<Column<T>> columns() {
        return List.copyOf(columns.values());
    }

    /** Whether lists may filter or sort by this column. */
    boolean declares(String column) {
        return STANDARD_COLUMNS.contains(column) || columns.containsKey(column);
    }

    Optional<Column<T>> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /** The refusal a violated unique constraint of this table stands for, if the type names one. */
    Optional<DomainException> refusalFor(String constraint) {
        return Optional.ofNullable(uniqueConstraints.get(constraint)).map(Supplier::get);
    }

    /** Whether everyone may read this aggregate, whoever it is about (a published talent offer). */
    public boolean isPublic(T aggregate) {
        return publicWhen != null && publicWhen.test().test(aggregate);
    }

    Optional<PublicWhen<T>> publicWhen() {
        return Optional.ofNullable(publicWhen);
    }

    /** The aggregate with today's master data of its subject, before a decision on it (events carry what is current). */
    public T refreshed(T aggregate, Employee current) {
        return refresh == null || current == null ? aggregate : refresh.apply(aggregate, current);
    }

    @Override
    public String toString() {
        return name;
    }

    public static final class Builder<T> {
        private final String name;
        private final String table;
        private final Class<T> type;
        private Function<T, ?> id;
        private Function<T, String> subject;
        private Readers readers = Readers.INVOLVED;
        private int schemaVersion = 1;
        private final Map<Integer, Upcaster> upcasters = new HashMap<>();
        private final List<Column<T>> columns = new ArrayList<>();
        private final Map<String, Supplier<? extends DomainException>> uniqueConstraints = new HashMap<>();
        private BiFunction<T, Employee, T> refresh;
        private PublicWhen<T> publicWhen;

        private Builder(String name, String table, Class<T> type) {
            if (!TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("a table name is lower-case SQL: " + table);
            }
            this.name = name;
            this.table = table;
            this.type = type;
        }

        /** The primary key: a UUID or a text id (an employee id for a file kept per employee). */
        public Builder<T> id(Function<T, ?> id) {
            this.id = id;
            return this;
        }

        public Builder<T> subject(Function<T, String> subject) {
            this.subject = subject;
            return this;
        }

        public Builder<T> readers(Readers readers) {
            this.readers = readers;
            return this;
        }

        /** The document's schema version now; every older one needs an {@link #upcaster}. */
        public Builder<T> schemaVersion(int version) {
            this.schemaVersion = version;
            return this;
        }

        /** How a document of {@code fromVersion} becomes one of {@code fromVersion + 1}. */
        public Builder<T> upcaster(int fromVersion, Upcaster upcaster) {
            upcasters.put(fromVersion, upcaster);
            return this;
        }

        public Builder<T> column(Column<T> column) {
            columns.add(column);
            return this;
        }

        /** A unique constraint or index of the table, answered as this refusal when a save would violate it. */
        public Builder<T> unique(String constraint, Supplier<? extends DomainException> refusal) {
            uniqueConstraints.put(constraint, refusal);
            return this;
        }

        /** How today's master data of the subject enters the aggregate before a decision. */
        public Builder<T> refresh(BiFunction<T, Employee, T> refresh) {
            this.refresh = refresh;
            return this;
        }

        /**
         * Everyone may read the aggregate while {@code column} (a declared text column) holds {@code value}, which
         * {@code test} says of the aggregate itself: a talent offer once published.
         */
        public Builder<T> publicWhen(String column, String value, Predicate<T> test) {
            this.publicWhen = new PublicWhen<>(column, value, test);
            return this;
        }

        public AggregateType<T> build() {
            return new AggregateType<>(this);
        }
    }
}
