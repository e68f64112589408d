package org.hrmobility.kit.store;

import java.util.function.Function;

/**
 * An aggregate as stored: its value and its optimistic version (1 when first saved, one more at each save). The
 * version is the aggregate's ETag; a command that names an older one is refused.
 */
public record Stored<T>(T value, int version) {

    public <R> Stored<R> map(Function<T, R> view) {
        return new Stored<>(view.apply(value), version);
    }
}
