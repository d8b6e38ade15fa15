package org.exchangehub.catalog.tabular;

/**
 * The uploaded file cannot be read as a table: unsupported extension, malformed CSV or XLSX, missing or duplicate
 * headers, or a row with more values than headers. The message is English and says what was expected, suitable
 * for showing to the person who uploaded the file.
 */
public class TabularFormatException extends RuntimeException {

    public TabularFormatException(String message) {
        super(message);
    }

    public TabularFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
