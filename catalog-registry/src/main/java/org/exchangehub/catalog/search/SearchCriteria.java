package org.exchangehub.catalog.search;

/**
 * What to look for: free text in Chinese or Latin letters (over name, abstract and data item names), and
 * optional filters. {@code classificationCode} matches that code and everything below it (3-01 matches 3-01-02).
 */
public record SearchCriteria(String q, String departmentCode, String classificationCode, String shareType, String status,
                             int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;
}
