package org.exchangehub.catalog.coverage;

import java.util.List;

/** Catalogue coverage (指标20) and mounting ("应挂尽挂"), overall and per department. */
public record CoverageReport(Figures overall, List<Figures> departments) {

    /** Items of one category and how many of them a published entry covers; ratio is null when there are no items. */
    public record CategoryCoverage(long items, long covered, Double ratio) {
        static CategoryCoverage of(long items, long covered) {
            return new CategoryCoverage(items, covered, items == 0 ? null : (double) covered / items);
        }
    }

    /**
     * @param departmentCode null for the overall figures
     * @param mountedRatio   published entries with at least one mounted resource, over all published entries;
     *                       null when nothing is published
     */
    public record Figures(String departmentCode, String departmentName, CategoryCoverage administrativePower,
                          CategoryCoverage publicService, long publishedEntries, long mountedEntries, Double mountedRatio) {
    }

    public record UncoveredItem(String itemCode, String name, String category, String departmentCode) {
    }

    public record UnmountedEntry(String resourceCode, String name, String departmentCode) {
    }
}
