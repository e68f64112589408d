package org.hrmobility.mobility;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.hrmobility.kit.security.AccessPolicy;

/**
 * A kind of mobility record and how the {@link Recorder} handles it: its name (also its history's aggregate type),
 * its id and version, whose it is (for access) and the columns it is queried by.
 */
public record Kind<T>(String name, Class<T> type, Function<T, UUID> id, ToIntFunction<T> version,
                      BiFunction<T, Integer, T> withVersion, Function<T, AccessPolicy.Owner> owner,
                      Function<T, Documents.Columns> columns) {
}
