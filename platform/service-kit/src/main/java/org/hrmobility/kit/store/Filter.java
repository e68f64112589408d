package org.hrmobility.kit.store;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One condition of a list on a declared column, compared with a bound value: never SQL text from a caller. A null
 * value means "no condition", so optional request parameters pass straight through.
 */
public record Filter(String column, Op op, Object value) {

    public enum Op {
        EQ("="), AT_MOST("<="), AT_LEAST(">="), BEFORE("<"), AFTER(">"), IN("= any"), IS_NULL("is null"),
        NOT_NULL("is not null"), OVERLAPS("&&"), NOT_EQ("<>"), ANY_OF("or"),
        MANAGED_BY("in (select employee_id from hrm_kit.employee where line_manager_id =");

        final String sql;

        Op(String sql) {
            this.sql = sql;
        }
    }

    public Filter {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(op, "op");
    }

    public static Filter eq(String column, Object value) {
        return new Filter(column, Op.EQ, value);
    }

    public static Filter notEq(String column, Object value) {
        return new Filter(column, Op.NOT_EQ, value);
    }

    /** One of these values; an empty or null collection means no condition. */
    public static Filter in(String column, Collection<?> values) {
        return new Filter(column, Op.IN, values == null || values.isEmpty() ? null : List.copyOf(values));
    }

    public static Filter atMost(String column, Object value) {
        return new Filter(column, Op.AT_MOST, value);
    }

    public static Filter atLeast(String column, Object value) {
        return new Filter(column, Op.AT_LEAST, value);
    }

    public static Filter before(String column, Object value) {
        return new Filter(column, Op.BEFORE, value);
    }

    public static Filter after(String column, Object value) {
        return new Filter(column, Op.AFTER, value);
    }

    public static Filter isNull(String column) {
        return new Filter(column, Op.IS_NULL, Boolean.TRUE);
    }

    public static Filter notNull(String column) {
        return new Filter(column, Op.NOT_NULL, Boolean.TRUE);
    }

    /** A {@code text[]} column sharing at least one of these values. */
    public static Filter overlaps(String column, Collection<String> values) {
        return new Filter(column, Op.OVERLAPS, values == null || values.isEmpty() ? null : List.copyOf(values));
    }

    /** Files of the current reports of this line manager, by today's master data (R-ACC-1); null means no condition. */
    public static Filter subjectManagedBy(String lineManagerId) {
        return new Filter("subject_id", Op.MANAGED_BY, lineManagerId);
    }

    /** At least one of these conditions (each on a declared column); those without a value are left out. */
    public static Filter anyOf(Filter... conditions) {
        List<Filter> applying = java.util.Arrays.stream(conditions).filter(Filter::applies).toList();
        return new Filter("*", Op.ANY_OF, applying.isEmpty() ? null : applying);
    }

    @SuppressWarnings("unchecked")
    List<Filter> alternatives() {
        return (List<Filter>) value;
    }

    boolean applies() {
        return value != null;
    }
}
