package org.exchangehub.catalog;

import java.util.List;

/**
 * One page of results: the items, the zero-based page number, its size and the number of matches. Counting
 * stops at a cap so that a broad query stays fast: {@code totalExact} is false when there are more than
 * {@code total} matches.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }
}
