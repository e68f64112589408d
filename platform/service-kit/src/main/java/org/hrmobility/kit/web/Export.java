package org.hrmobility.kit.web;

import reactor.core.publisher.Mono;

/**
 * A list asked for as a file ({@code ?format=csv} or {@code Accept: text/csv}): the same filters and the same access,
 * every matching row up to {@link #MAX_ROWS} instead of one page. {@link CsvExports} puts one into the request's
 * context; the kit's paging reads it.
 */
public record Export(int maxRows) {

    /** The most rows one export holds; a larger list is narrowed with its filters. */
    public static final int MAX_ROWS = 10_000;

    /** The page size and number a list uses: the request's own, or all of it (from 0) when it is an export. */
    public static Mono<int[]> paging(int page, int size, int maxPageSize) {
        return Mono.deferContextual(context -> Mono.just(context.<Export>getOrEmpty(Export.class)
                .map(export -> new int[] {0, export.maxRows()})
                .orElseGet(() -> new int[] {Math.max(0, page), Math.max(1, Math.min(size, maxPageSize))})));
    }
}
