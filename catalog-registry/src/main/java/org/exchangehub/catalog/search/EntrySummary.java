package org.exchangehub.catalog.search;

/** One search hit; {@code score} orders hits, higher first (0 when there was no text query). */
public record EntrySummary(String resourceCode, String name, String departmentCode, String classificationCode,
                           String shareType, String status, float score) {
}
