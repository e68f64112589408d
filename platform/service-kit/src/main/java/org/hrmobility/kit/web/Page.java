package org.hrmobility.kit.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list of the API answers it: the items, where they stand, and how many there are. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), page, size, total);
    }
}
