package org.hrmobility.kit.access;

import java.util.Map;

/**
 * What a person may see of a table, as a SQL condition on its {@code subject_id} column with its bound values:
 * lists are filtered by the database, from today's master data, not in memory after reading everything.
 */
public record Visibility(String sql, Map<String, Object> binds) {

    static final Visibility ALL = new Visibility("true", Map.of());
    static final Visibility NOTHING = new Visibility("false", Map.of());

    public Visibility {
        binds = Map.copyOf(binds);
    }
}
