package org.exchangehub.catalog.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables as XLSX or CSV bytes, for tests, demo data and benchmark generators. Every value is written as text;
 * {@code null} values are written as blank cells. Rows may be shorter or longer than the headers.
 */
public final class TabularWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TabularWriter() {
    }

    /**
     * An XLSX workbook with one sheet {@code Sheet1}: headers in row 1, then the rows, all as text cells. Streams
     * through temporary files, so it suits large generated tables.
     */
    public static byte[] xlsx(List<String> headers, List<List<String>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (workbook) {
            Sheet sheet = workbook.createSheet("Sheet1");
            writeRow(sheet, 0, headers);
            int r = 1;
            for (List<String> row : rows) {
                writeRow(sheet, r++, row);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write XLSX", e);
        } finally {
            workbook.dispose();
        }
    }

    private static void writeRow(Sheet sheet, int index, List<String> values) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(index);
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c);
            if (value != null && !value.isEmpty()) {
                row.createCell(c).setCellValue(value);
            }
        }
    }

    /**
     * An RFC 4180 CSV file (CRLF line ends, fields quoted only when needed) in {@code charset}, without a BOM.
     *
     * @throws IllegalArgumentException when a value cannot be encoded in {@code charset}
     */
    public static byte[] csv(List<String> headers, List<List<String>> rows, Charset charset) {
        return csv(headers, rows, charset, false);
    }

    /**
     * As {@link #csv(List, List, Charset)}, with a leading byte order mark when {@code byteOrderMark} is true (what
     * Excel's "CSV UTF-8" writes; only for UTF-8).
     *
     * @throws IllegalArgumentException when a value cannot be encoded in {@code charset}, or a BOM is asked for
     *                                  with a charset other than UTF-8
     */
    public static byte[] csv(List<String> headers, List<List<String>> rows, Charset charset, boolean byteOrderMark) {
        if (byteOrderMark && !charset.equals(StandardCharsets.UTF_8)) {
            throw new IllegalArgumentException("a byte order mark is only written for UTF-8, not " + charset);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (byteOrderMark) {
            out.writeBytes(UTF8_BOM);
        }
        Writer writer = new OutputStreamWriter(out, charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(headers);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a value cannot be encoded in " + charset, e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write CSV", e);
        }
        return out.toByteArray();
    }
}
