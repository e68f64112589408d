package org.hrmobility.kit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hrmobility.kit.security.CurrentUser;

/**
 * A list of one aggregate type: conditions on its declared columns, an order, and whose view it is (what that person
 * may see is decided in SQL, from today's master data). Immutable; each method returns a new query.
 */
public final class Query<T> {

    public enum Direction {
        ASC, DESC
    }

    record Order(String column, Direction direction) {
    }

    private final AggregateType<T> type;
    private final List<Filter> filters;
    private final List<Order> orders;
    private final CurrentUser viewer;

    private Query(AggregateType<T> type, List<Filter> filters, List<Order> orders, CurrentUser viewer) {
        this.type = type;
        this.filters = List.copyOf(filters);
        this.orders = List.copyOf(orders);
        this.viewer = viewer;
    }

    public static <T> Query<T> of(AggregateType<T> type) {
        return new Query<>(type, List.of(), List.of(), null);
    }

    public Query<T> where(Filter... conditions) {
        List<Filter> more = new ArrayList<>(filters);
        for (Filter f : conditions) {
            if (f.op() == Filter.Op.ANY_OF) {
                if (f.applies()) {
                    f.alternatives().forEach(alternative -> requireDeclared(alternative.column()));
                }
            } else {
                requireDeclared(f.column());
            }
            if (f.applies()) {
                more.add(f);
            }
        }
        return new Query<>(type, more, orders, viewer);
    }

    public Query<T> orderBy(String column, Direction direction) {
        requireDeclared(column);
        List<Order> more = new ArrayList<>(orders);
        more.add(new Order(column, direction));
        return new Query<>(type, filters, more, viewer);
    }

    /** Only what this person may see. A query without a viewer is the system's own (a scheduled job). */
    public Query<T> visibleTo(CurrentUser user) {
        return new Query<>(type, filters, orders, Objects.requireNonNull(user));
    }

    AggregateType<T> type() {
        return type;
    }

    List<Filter> filters() {
        return filters;
    }

    List<Order> orders() {
        return orders;
    }

    CurrentUser viewer() {
        return viewer;
    }

    private void requireDeclared(String column) {
        if (!type.declares(column)) {
            throw new IllegalArgumentException(type.name() + " has no query column " + column);
        }
    }
}
