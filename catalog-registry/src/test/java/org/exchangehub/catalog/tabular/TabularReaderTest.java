package org.exchangehub.catalog.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularReaderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final List<String> CHINESE_HEADERS = List.of("资源名称", "提供部门", "统一社会信用代码");
    private static final List<List<String>> CHINESE_ROWS = List.of(
            List.of("企业登记信息", "市市场监督管理局", "91350100M000100Y43"),
            List.of("不动产登记信息", "市自然资源局", "11620100013900000D"));

    private static Table read(String fileName, byte[] bytes) {
        return TabularReader.read(fileName, new ByteArrayInputStream(bytes));
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    @Test
    void readsChineseHeadersFromUtf8CsvWithBom() {
        byte[] csv = TabularWriter.csv(CHINESE_HEADERS, CHINESE_ROWS, StandardCharsets.UTF_8, true);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);

        Table table = read("目录.csv", csv);

        assertThat(table.headers()).containsExactly("资源名称", "提供部门", "统一社会信用代码");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).rowNumber()).isEqualTo(2);
        assertThat(table.rows().get(0).values())
                .containsExactly(Map.entry("资源名称", "企业登记信息"), Map.entry("提供部门", "市市场监督管理局"),
                        Map.entry("统一社会信用代码", "91350100M000100Y43"));
        assertThat(table.rows().get(1).rowNumber()).isEqualTo(3);
        assertThat(table.rows().get(1).value("提供部门")).isEqualTo("市自然资源局");
    }

    @Test
    void readsChineseHeadersFromUtf8CsvWithoutBom() {
        Table table = read("catalog.csv", TabularWriter.csv(CHINESE_HEADERS, CHINESE_ROWS, StandardCharsets.UTF_8));

        assertThat(table.headers()).isEqualTo(CHINESE_HEADERS);
        assertThat(table.rows().get(1).value("资源名称")).isEqualTo("不动产登记信息");
    }

    @Test
    void readsChineseHeadersFromGbkCsv() {
        byte[] gbk = bytes("资源名称,提供部门\r\n企业登记信息,市市场监督管理局\r\n", GBK);

        Table table = read("catalog.CSV", gbk);

        assertThat(table.headers()).containsExactly("资源名称", "提供部门");
        assertThat(table.rows()).singleElement()
                .satisfies(r -> assertThat(r.value("提供部门")).isEqualTo("市市场监督管理局"));
    }

    @Test
    void readsGbkCsvWrittenByWriter() {
        Table table = read("catalog.csv", TabularWriter.csv(CHINESE_HEADERS, CHINESE_ROWS, GBK));

        assertThat(table.headers()).isEqualTo(CHINESE_HEADERS);
        assertThat(table.rows()).extracting(r -> r.value("资源名称")).containsExactly("企业登记信息", "不动产登记信息");
    }

    @Test
    void readsQuotedCommasQuotesAndNewlines() {
        String text = "名称,摘要,备注\r\n"
                + "\"营业执照, 副本\",\"第一行\r\n第二行\",\"他说\"\"好\"\"\"\r\n"
                + "普通,值,x\r\n";

        Table table = read("quoted.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).values())
                .containsEntry("名称", "营业执照, 副本")
                .containsEntry("摘要", "第一行\r\n第二行")
                .containsEntry("备注", "他说\"好\"");
        // a multi-line quoted cell is still one row: the next record is row 3
        assertThat(table.rows().get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void writerQuotesWhatNeedsQuotingAndReadsBack() {
        List<List<String>> rows = List.of(List.of("a,b", "line1\nline2", "say \"hi\""), List.of("", " padded ", "x"));
        byte[] csv = TabularWriter.csv(List.of("h1", "h2", "h3"), rows, StandardCharsets.UTF_8);

        Table table = read("w.csv", csv);

        assertThat(table.rows().get(0).values()).containsExactly(
                Map.entry("h1", "a,b"), Map.entry("h2", "line1\nline2"), Map.entry("h3", "say \"hi\""));
        assertThat(table.rows().get(1).values()).containsExactly(
                Map.entry("h1", ""), Map.entry("h2", "padded"), Map.entry("h3", "x"));
    }

    @Test
    void trimsHeadersAndValuesAndFillsMissingCellsWithEmptyString() {
        String text = " 编码 ,\u3000名称\u3000,备注,\r\n 620102 ,城关区\r\n";

        Table table = read("t.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(table.headers()).containsExactly("编码", "名称", "备注");
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.values()).containsExactly(Map.entry("编码", "620102"), Map.entry("名称", "城关区"), Map.entry("备注", ""));
            assertThat(r.value("no such header")).isEmpty();
        });
    }

    @Test
    void skipsBlankRowsButKeepsRowNumbers() {
        String text = "a,b\r\n1,2\r\n\r\n,\r\n3,4\r\n\r\n , \r\n\r\n";

        Table table = read("t.csv", bytes(text, StandardCharsets.UTF_8));

        assertThat(table.rows()).extracting(r -> r.rowNumber()).containsExactly(2, 5);
        assertThat(table.rows()).extracting(r -> r.value("a")).containsExactly("1", "3");
    }

    @Test
    void rowsAreUnmodifiable() {
        Table table = read("t.csv", bytes("a\r\n1\r\n", StandardCharsets.UTF_8));

        assertThatThrownBy(() -> table.rows().get(0).values().put("a", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.headers().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsXlsxRoundTripWithChineseText() {
        List<List<String>> rows = List.of(
                List.of("企业登记信息", "市市场监督管理局", "91350100M000100Y43"),
                Arrays.asList("空值", null, ""),
                List.of("多行\n文本", "逗号,引号\"", "0012"));
        byte[] xlsx = TabularWriter.xlsx(CHINESE_HEADERS, rows);

        Table table = read("目录.xlsx", xlsx);

        assertThat(table.headers()).isEqualTo(CHINESE_HEADERS);
        assertThat(table.rows()).extracting(r -> r.rowNumber()).containsExactly(2, 3, 4);
        assertThat(table.rows().get(0).values()).containsExactly(
                Map.entry("资源名称", "企业登记信息"), Map.entry("提供部门", "市市场监督管理局"),
                Map.entry("统一社会信用代码", "91350100M000100Y43"));
        assertThat(table.rows().get(1).values()).containsEntry("提供部门", "").containsEntry("统一社会信用代码", "");
        assertThat(table.rows().get(2).values())
                .containsEntry("资源名称", "多行\n文本")
                .containsEntry("提供部门", "逗号,引号\"")
                .containsEntry("统一社会信用代码", "0012");
    }

    @Test
    void readsXlsxNumbersDatesBooleansAndFormulas() throws IOException {
        byte[] xlsx = workbook((wb, sheet) -> {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy/m/d h:mm:ss"));
            CellStyle chineseDate = wb.createCellStyle();
            chineseDate.setDataFormat((short) 31); // built-in yyyy"年"m"月"d"日" of Chinese Excel
            CellStyle grouped = wb.createCellStyle();
            grouped.setDataFormat(helper.createDataFormat().getFormat("#,##0.00"));
            CellStyle padded = wb.createCellStyle();
            padded.setDataFormat(helper.createDataFormat().getFormat("000000"));

            Row header = sheet.createRow(0);
            String[] names = {"整数", "小数", "日期", "时间", "中文日期", "千分位", "补零", "布尔", "公式", "文本公式"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(42);
            row.createCell(1).setCellValue(3.25);
            row.createCell(2).setCellValue(LocalDate.of(2024, 2, 29));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 1, 8, 30, 5));
            row.getCell(3).setCellStyle(dateTime);
            row.createCell(4).setCellValue(LocalDate.of(2023, 12, 31));
            row.getCell(4).setCellStyle(chineseDate);
            row.createCell(5).setCellValue(1234567.5);
            row.getCell(5).setCellStyle(grouped);
            row.createCell(6).setCellValue(10);
            row.getCell(6).setCellStyle(padded);
            row.createCell(7).setCellValue(true);
            row.createCell(8).setCellFormula("0.1+0.2");
            row.createCell(9).setCellFormula("\"甘\"&\"肃\"");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        Table table = read("types.xlsx", xlsx);

        assertThat(table.rows()).singleElement().satisfies(r -> assertThat(r.values()).containsExactly(
                Map.entry("整数", "42"),
                Map.entry("小数", "3.25"),
                Map.entry("日期", "2024-02-29"),
                Map.entry("时间", "2024-03-01 08:30:05"),
                Map.entry("中文日期", "2023-12-31"),
                Map.entry("千分位", "1234567.5"),
                Map.entry("补零", "000010"),
                Map.entry("布尔", "TRUE"),
                Map.entry("公式", "0.3"),
                Map.entry("文本公式", "甘肃")));
    }

    @Test
    void readsFirstSheetAndCountsSpreadsheetRows() throws IOException {
        byte[] xlsx = workbook((wb, sheet) -> {
            sheet.createRow(0).createCell(0).setCellValue("编码");
            sheet.createRow(3).createCell(0).setCellValue("620102");
            sheet.createRow(4).createCell(0).setCellValue(" ");
            wb.createSheet("Other").createRow(0).createCell(0).setCellValue("ignored");
        });

        Table table = read("sheets.xlsx", xlsx);

        assertThat(table.headers()).containsExactly("编码");
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.rowNumber()).isEqualTo(4);
            assertThat(r.value("编码")).isEqualTo("620102");
        });
    }

    @Test
    void rejectsUnknownExtension() {
        assertThatThrownBy(() -> read("catalog.txt", bytes("a,b", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class)
                .hasMessageContaining("expected a .csv or .xlsx file").hasMessageContaining(".txt");
        assertThatThrownBy(() -> read("catalog.xls", new byte[0]))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("save legacy .xls");
        assertThatThrownBy(() -> read("catalog", new byte[0]))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("without extension");
        assertThatThrownBy(() -> read(null, new byte[0]))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("file name");
    }

    @Test
    void rejectsDuplicateHeaders() {
        assertThatThrownBy(() -> read("dup.csv", bytes("名称,编码, 名称 \r\n1,2,3\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class)
                .hasMessageContaining("expected unique headers")
                .hasMessageContaining("\"名称\"")
                .hasMessageContaining("column 1 (A)").hasMessageContaining("column 3 (C)");
    }

    @Test
    void rejectsDuplicateHeadersInXlsx() {
        byte[] xlsx = TabularWriter.xlsx(List.of("编码", "编码"), List.of(List.of("1", "2")));

        assertThatThrownBy(() -> read("dup.xlsx", xlsx))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected unique headers");
    }

    @Test
    void rejectsBlankHeaderBetweenHeaders() {
        assertThatThrownBy(() -> read("blank.csv", bytes("a,,c\r\n1,2,3\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class)
                .hasMessageContaining("expected a header in every column").hasMessageContaining("column 2 (B)");
    }

    @Test
    void rejectsValueInColumnWithoutHeader() {
        assertThatThrownBy(() -> read("extra.csv", bytes("a,b\r\n1,2\r\n3,4,5\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class)
                .hasMessageContaining("row 3").hasMessageContaining("column 3 (C)");
    }

    @Test
    void ignoresTrailingEmptyCellsBeyondHeaders() {
        Table table = read("trailing.csv", bytes("a,b,\r\n1,2,,\r\n", StandardCharsets.UTF_8));

        assertThat(table.headers()).containsExactly("a", "b");
        assertThat(table.rows().get(0).values()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void rejectsEmptyFile() {
        assertThatThrownBy(() -> read("empty.csv", new byte[0]))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected a header row");
        assertThatThrownBy(() -> read("blank.csv", bytes("\r\n , \r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected a header row");
    }

    @Test
    void rejectsMalformedCsv() {
        assertThatThrownBy(() -> read("bad.csv", bytes("a,b\r\n\"unterminated,2\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected a well-formed CSV file");
        assertThatThrownBy(() -> read("bad.csv", bytes("a,b\r\n\"x\"y,2\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected a well-formed CSV file");
    }

    @Test
    void rejectsXlsxContentNamedCsvAndCsvContentNamedXlsx() {
        byte[] xlsx = TabularWriter.xlsx(List.of("a"), List.of());
        assertThatThrownBy(() -> read("renamed.csv", xlsx))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected a CSV text file");
        assertThatThrownBy(() -> read("renamed.xlsx", bytes("a,b\r\n", StandardCharsets.UTF_8)))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected an .xlsx workbook");
    }

    @Test
    void rejectsCorruptXlsx() {
        byte[] xlsx = TabularWriter.xlsx(List.of("a"), List.of(List.of("1")));
        byte[] truncated = Arrays.copyOf(xlsx, xlsx.length / 2);

        assertThatThrownBy(() -> read("corrupt.xlsx", truncated))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("expected a valid .xlsx workbook");
    }

    @Test
    void rejectsLegacyOrProtectedWorkbook() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        assertThatThrownBy(() -> read("old.xlsx", ole2))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("legacy .xls");
    }

    @Test
    void rejectsUtf16Csv() {
        byte[] utf16 = bytes("\uFEFFa,b\r\n", StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> read("u16.csv", utf16))
                .isInstanceOf(TabularFormatException.class).hasMessageContaining("UTF-16");
    }

    private interface SheetFiller {
        void fill(XSSFWorkbook workbook, Sheet sheet) throws IOException;
    }

    private static byte[] workbook(SheetFiller filler) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("数据");
            filler.fill(wb, sheet);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
