package org.exchangehub.catalog.search;

/**
 * What to look for: free text in Chinese or Latin letters (over name, abstract and data item names), and
 * optional filters. {@code classificationCode} matches that code and everything below it (3-01 matches 3-01-02).
 *
 * @param sort      the order of the hits: {@code relevance} (best match first; the default with text), {@code name},
 *                  {@code resourceCode} or {@code updated} (the default without text); null for the default
 * @param ascending the direction of {@code sort}; relevance is always best first
 */
public record SearchCriteria(String q, String departmentCode, String classificationCode, String shareType, String status,
                             int page, int size, String sort, boolean ascending) {

    public static final int MAX_PAGE_SIZE = 100;

    /** The orders a search can return its hits in. */
    public static final java.util.List<String> SORTS = java.util.List.of("relevance", "name", "resourceCode", "updated");

    /** Best match first with text, most recently changed first without. */
    public SearchCriteria(String q, String departmentCode, String classificationCode, String shareType, String status,
                          int page, int size) {
        this(q, departmentCode, classificationCode, shareType, status, page, size, null, false);
    }
}
