package org.exchangehub.catalog;

import java.util.List;

/** One page of results: the items, the zero-based page number, its size and the total number of matches. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
