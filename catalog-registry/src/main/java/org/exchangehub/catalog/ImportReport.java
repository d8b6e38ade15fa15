package org.exchangehub.catalog;

import java.util.List;

/**
 * The outcome of a bulk import, row by row. Rows are numbered as in the file (the header is row 1).
 * A rejected row changed nothing; every reason it was rejected is listed.
 */
public record ImportReport(int total, int created, int updated, int rejected, List<RowResult> rows) {

    public enum Outcome { CREATED, UPDATED, REJECTED }

    public record RowResult(int row, Outcome outcome, String key, List<FieldProblem> problems) {
    }

    public static ImportReport of(List<RowResult> rows) {
        int created = 0, updated = 0, rejected = 0;
        for (RowResult r : rows) {
            switch (r.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case REJECTED -> rejected++;
            }
        }
        return new ImportReport(rows.size(), created, updated, rejected, List.copyOf(rows));
    }
}
