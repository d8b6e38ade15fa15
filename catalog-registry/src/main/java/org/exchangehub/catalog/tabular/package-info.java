/**
 * Reading uploaded tables (CSV, XLSX) for bulk import, and writing them for tests and demo/benchmark data.
 *
 * <p>{@link org.exchangehub.catalog.tabular.TabularReader#read(String, java.io.InputStream)} turns a file into a
 * {@link org.exchangehub.catalog.tabular.Table}: the first non-blank row holds the headers, every later non-blank
 * row becomes a {@link org.exchangehub.catalog.tabular.Row} numbered as a person counts rows in the file (header
 * row 1, first data row 2). Problems with the file itself raise
 * {@link org.exchangehub.catalog.tabular.TabularFormatException}; problems with values are the importer's business.
 */
package org.exchangehub.catalog.tabular;
