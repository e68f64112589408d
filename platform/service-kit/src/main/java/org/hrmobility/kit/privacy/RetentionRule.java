package org.hrmobility.kit.privacy;

import java.time.Period;
import java.util.Objects;

/**
 * How long one kind of record is kept after it is closed (R-PRV-2): {@code closed} is a SQL condition on the table's own
 * columns (a case CLOSED or PLACED, a notification delivered), the time of closure is the row's {@code closedAt} column.
 * The period is configurable as {@code hrm.retention.<name>} (ISO-8601, e.g. {@code P5Y}).
 *
 * @param name     the record kind, e.g. {@code redeployment-case}: its aggregate type, whose history lines go with it
 * @param table    its table
 * @param idColumn the column that identifies a row (its history lines are deleted with it)
 * @param closed   the SQL condition of a closed row
 * @param closedAt the column holding when it closed (or last changed once closed)
 * @param keep     the default period after closure; docs/privacy.md gives the grounds
 */
public record RetentionRule(String name, String table, String idColumn, String closed, String closedAt, Period keep) {

    public RetentionRule {
        Objects.requireNonNull(name);
        Objects.requireNonNull(table);
        Objects.requireNonNull(closed);
        Objects.requireNonNull(closedAt);
        Objects.requireNonNull(keep);
    }

    /** A document-store table: id, closure by the condition, time of closure its last update. */
    public static RetentionRule of(String name, String table, String closed, Period keep) {
        return new RetentionRule(name, table, "id", closed, "updated_at", keep);
    }
}
