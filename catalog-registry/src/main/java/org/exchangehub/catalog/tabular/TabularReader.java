package org.exchangehub.catalog.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded CSV or XLSX file into a {@link Table}.
 *
 * <p>Rules common to both formats:
 * <ul>
 *   <li>the format follows the file name's extension, {@code .csv} or {@code .xlsx} (any case);</li>
 *   <li>the first non-blank row holds the headers; headers are trimmed; trailing blank header cells are ignored;
 *       a blank header before the last one, duplicate headers, or no header row at all are errors;</li>
 *   <li>cell values are trimmed (whitespace including the ideographic space U+3000, no-break space and BOM);
 *       every header is present in each {@link Row#values()}, a blank or missing cell as {@code ""};</li>
 *   <li>rows whose cells are all blank (trailing ones included) are skipped, but still counted in row numbers;</li>
 *   <li>a non-blank value in a column without a header is an error.</li>
 * </ul>
 *
 * <p>CSV: RFC 4180 (comma separated, {@code "} quoting, quoted cells may contain commas, quotes and line breaks).
 * The bytes are decoded as UTF-8 (a leading BOM dropped) when they are strictly valid UTF-8, otherwise as GBK,
 * the encoding of CSV files saved by Excel on Chinese Windows.
 *
 * <p>XLSX: the first sheet. Text cells as they are; numeric cells in plain notation without a trailing {@code .0}
 * and rounded to Excel's 15 significant digits (no grouping separators or percent signs: {@code 12%} reads as
 * {@code 0.12}), except that zero-padding formats such as {@code 000000} keep their leading zeros; date cells as
 * {@code yyyy-MM-dd}, or {@code yyyy-MM-dd HH:mm:ss} when they carry a time of day, time-only cells as
 * {@code HH:mm:ss}; booleans as {@code TRUE}/{@code FALSE}; error cells as their code (e.g. {@code #N/A});
 * formula cells by their cached value (formulas are not evaluated).
 *
 * <p>The whole file is held in memory; callers should limit the upload size. A failure to read the stream is an
 * {@link UncheckedIOException}, every problem with the file's content a {@link TabularFormatException}.
 */
public final class TabularReader {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Pattern ZERO_PADDING = Pattern.compile("0+");
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private TabularReader() {
    }

    /**
     * Reads the table in {@code in}, choosing the format by {@code fileName}'s extension. The stream is read to its
     * end but not closed.
     *
     * @throws TabularFormatException when the extension is not {@code .csv} or {@code .xlsx}, or the content is not
     *                                a well-formed table of that format
     * @throws UncheckedIOException   when reading the stream fails
     */
    public static Table read(String fileName, InputStream in) {
        String extension = extensionOf(fileName);
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read uploaded file " + fileName, e);
        }
        return switch (extension) {
            case "csv" -> readCsv(bytes);
            case "xlsx" -> readXlsx(bytes);
            default -> throw new TabularFormatException("expected a .csv or .xlsx file, got "
                    + (extension.isEmpty() ? "a file name without extension" : "." + extension)
                    + (extension.equals("xls") ? " (save legacy .xls workbooks as .xlsx first)" : "")
                    + ": " + fileName);
        };
    }

    private static String extensionOf(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new TabularFormatException("expected a file name ending in .csv or .xlsx, got none");
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- CSV

    private static Table readCsv(byte[] bytes) {
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            throw new TabularFormatException("expected a CSV text file, but the content is a ZIP or XLSX file; "
                    + "name XLSX workbooks .xlsx");
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new TabularFormatException("expected a CSV file encoded in UTF-8 or GBK, but it is UTF-16 "
                    + "(\"Unicode text\"); save it as \"CSV UTF-8\"");
        }
        String text = decode(bytes);
        List<RawRow> rawRows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSV)) {
            for (CSVRecord record : parser) {
                rawRows.add(new RawRow(Math.toIntExact(record.getRecordNumber()), record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new TabularFormatException("expected a well-formed CSV file (RFC 4180, fields quoted with \"): "
                    + rootMessage(e), e);
        }
        return toTable(rawRows);
    }

    /** Strict UTF-8 (BOM dropped) when the bytes are valid UTF-8, else GBK. */
    static String decode(byte[] bytes) {
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- XLSX

    private static Table readXlsx(byte[] bytes) {
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new TabularFormatException("expected an unprotected .xlsx workbook, but the file is a legacy .xls "
                    + "workbook or a password-protected one; save it as an unprotected .xlsx");
        }
        if (!startsWith(bytes, 0x50, 0x4B)) {
            throw new TabularFormatException("expected an .xlsx workbook (Excel 2007 or later), but the content is not "
                    + "one" + (bytes.length == 0 ? " (the file is empty)" : ""));
        }
        List<RawRow> rawRows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new TabularFormatException("expected a workbook with at least one sheet");
            }
            boolean date1904 = workbook.isDate1904();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Sheet sheet = workbook.getSheetAt(0);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : render(cell, date1904, formatter));
                }
                rawRows.add(new RawRow(row.getRowNum() + 1, cells));
            }
        } catch (TabularFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TabularFormatException("expected a valid .xlsx workbook (Excel 2007 or later): " + rootMessage(e), e);
        }
        return toTable(rawRows);
    }

    private static String render(Cell cell, boolean date1904, DataFormatter formatter) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> renderNumber(cell, date1904, formatter);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static String renderNumber(Cell cell, boolean date1904, DataFormatter formatter) {
        double value = cell.getNumericCellValue();
        CellStyle style = cell.getCellStyle();
        int formatIndex = style == null ? 0 : style.getDataFormat();
        String format = style == null ? null : style.getDataFormatString();
        if (isDateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
            if (value < 1) {
                return dateTime.toLocalTime().format(TIME);
            }
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? dateTime.toLocalDate().toString()
                    : dateTime.format(DATE_TIME);
        }
        if (format != null && ZERO_PADDING.matcher(format).matches() && value >= 0 && value == Math.rint(value)) {
            return formatter.formatRawCellContents(value, formatIndex, format);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    /**
     * POI's date test, plus the built-in formats 27-36 and 50-58 that East Asian Excel uses for dates and times
     * (e.g. 31 is {@code yyyy"年"m"月"d"日"}) and that POI only knows as "reserved".
     */
    private static boolean isDateFormat(int formatIndex, String format) {
        boolean eastAsianBuiltin = (formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58);
        if (eastAsianBuiltin && (format == null || format.startsWith("reserved"))) {
            return true;
        }
        return format != null && DateUtil.isADateFormat(formatIndex, format);
    }

    // ---------------------------------------------------------------- common

    private record RawRow(int rowNumber, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(c -> clean(c).isEmpty());
        }
    }

    private static Table toTable(List<RawRow> rawRows) {
        int first = 0;
        while (first < rawRows.size() && rawRows.get(first).isBlank()) {
            first++;
        }
        if (first == rawRows.size()) {
            throw new TabularFormatException("expected a header row, but the file has no rows with values");
        }
        RawRow headerRow = rawRows.get(first);
        List<String> headers = headersOf(headerRow);
        List<Row> rows = new ArrayList<>();
        for (RawRow raw : rawRows.subList(first + 1, rawRows.size())) {
            if (raw.isBlank()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                values.put(headers.get(c), c < raw.cells().size() ? clean(raw.cells().get(c)) : "");
            }
            for (int c = headers.size(); c < raw.cells().size(); c++) {
                if (!clean(raw.cells().get(c)).isEmpty()) {
                    throw new TabularFormatException("expected values only under the " + headers.size()
                            + " headers, but row " + raw.rowNumber() + " has a value in column " + column(c)
                            + ", which has no header");
                }
            }
            rows.add(new Row(raw.rowNumber(), values));
        }
        return new Table(headers, rows);
    }

    private static List<String> headersOf(RawRow headerRow) {
        List<String> cells = headerRow.cells().stream().map(TabularReader::clean).toList();
        int count = cells.size();
        while (count > 0 && cells.get(count - 1).isEmpty()) {
            count--;
        }
        List<String> headers = new ArrayList<>(count);
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < count; c++) {
            String header = cells.get(c);
            if (header.isEmpty()) {
                throw new TabularFormatException("expected a header in every column of the header row (row "
                        + headerRow.rowNumber() + "), but column " + column(c) + " is blank");
            }
            Integer earlier = seen.putIfAbsent(header, c);
            if (earlier != null) {
                throw new TabularFormatException("expected unique headers, but \"" + header + "\" appears in column "
                        + column(earlier) + " and column " + column(c) + " of row " + headerRow.rowNumber());
            }
            headers.add(header);
        }
        return headers;
    }

    /** 1-based column number with its spreadsheet letter, e.g. {@code 3 (C)}. */
    private static String column(int index) {
        return (index + 1) + " (" + CellReference.convertNumToColString(index) + ")";
    }

    /** Trims whitespace, including U+3000, no-break spaces and a stray BOM. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : e.getMessage();
        return message != null ? message : t.getClass().getSimpleName();
    }
}
