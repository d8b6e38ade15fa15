package org.exchangehub.catalog.search;

import java.time.OffsetDateTime;

/**
 * One search hit; {@code score} is 1 when the name matches the query, 0.5 when only the abstract or data items do,
 * 0 without a query or when the hits are sorted by a column instead of relevance.
 */
public record EntrySummary(String resourceCode, String name, String departmentCode, String classificationCode,
                           String shareType, String status, float score, OffsetDateTime updatedAt) {
}
