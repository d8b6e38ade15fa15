package org.exchangehub.catalog.tabular;

import java.util.List;

/**
 * A table read from an uploaded file.
 *
 * @param headers the trimmed, non-blank, unique column headers in file order
 * @param rows    the non-blank data rows in file order
 */
public record Table(List<String> headers, List<Row> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
