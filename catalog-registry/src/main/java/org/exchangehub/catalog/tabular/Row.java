package org.exchangehub.catalog.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of a {@link Table}.
 *
 * @param rowNumber the row's number as a person counts it in the file: the spreadsheet row number for XLSX, the
 *                  record number for CSV (a quoted cell spanning several lines still counts as one row); with the
 *                  headers in row 1 the first data row is 2. Blank rows are skipped but still counted.
 * @param values    header → trimmed cell value, in header order, with <em>every</em> header present: a blank or
 *                  missing cell is the empty string {@code ""}, never absent and never {@code null}. Unmodifiable.
 */
public record Row(int rowNumber, Map<String, String> values) {

    public Row {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value under {@code header}, or {@code ""} when the cell is blank or the table has no such header. */
    public String value(String header) {
        return values.getOrDefault(header, "");
    }
}
