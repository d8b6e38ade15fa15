package org.exchangehub.catalog.search;

/** One search hit; {@code score} is 1 when the name matches the query, 0.5 when only the abstract or data items do, 0 without a query. */
public record EntrySummary(String resourceCode, String name, String departmentCode, String classificationCode,
                           String shareType, String status, float score) {
}
