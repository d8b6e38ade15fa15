package org.exchangehub.hub.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of a console table, paged and sorted on the server. {@code sort} is one of the columns the page allows,
 * {@code ascending} its direction. Templates draw the pager and the sortable headers with the fragments in
 * {@code console/fragments.html}, which keep the other query parameters of the page.
 */
public record ConsolePage<T>(List<T> items, int page, int size, long total, String sort, boolean ascending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public int pages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** The 1-based numbers of the first and last row shown (0 and 0 when there is none). */
    public long firstRow() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastRow() {
        return items.isEmpty() ? 0 : (long) page * size + items.size();
    }

    /** What the query asked for: page, size and sort, checked against the columns a table can be sorted by. */
    public record Request(int page, int size, String sort, boolean ascending) {

        /**
         * @param sortable the columns that may be sorted by; an unknown {@code sort} falls back to the default
         */
        public static Request of(Integer page, Integer size, String sort, String dir, Set<String> sortable,
                                 String defaultSort, boolean defaultAscending) {
            int p = page == null || page < 0 ? 0 : page;
            int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
            boolean known = sort != null && sortable.contains(sort);
            boolean asc = known ? !"desc".equalsIgnoreCase(dir) : defaultAscending;
            return new Request(p, s, known ? sort : defaultSort, asc);
        }

        public int offset() {
            return page * size;
        }

        /**
         * Sorts and pages a list that is already small and complete (a department's grants, today's sources); tables
         * that can grow without bound page in their query instead.
         */
        public <T> ConsolePage<T> slice(List<T> all, Map<String, Comparator<T>> columns) {
            Comparator<T> order = columns.get(sort);
            List<T> sorted = order == null ? all : all.stream().sorted(ascending ? order : order.reversed()).toList();
            int from = Math.min(offset(), sorted.size());
            int to = Math.min(from + size, sorted.size());
            int shownPage = from == sorted.size() && from > 0 ? (sorted.size() - 1) / size : page;
            if (shownPage != page) {
                from = shownPage * size;
                to = Math.min(from + size, sorted.size());
            }
            return new ConsolePage<>(List.copyOf(sorted.subList(from, to)), shownPage, size, sorted.size(), sort, ascending);
        }

        /** A page whose rows the query already chose (paged and sorted in SQL). */
        public <T> ConsolePage<T> of(List<T> rows, long total) {
            return new ConsolePage<>(List.copyOf(rows), page, size, total, sort, ascending);
        }
    }
}
