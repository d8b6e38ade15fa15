package org.exchangehub.hub.console.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.exchangehub.hub.console.indicators.IndicatorsReport.DepartmentRow;
import org.exchangehub.hub.console.indicators.IndicatorsReport.Figure;
import org.exchangehub.hub.console.indicators.IndicatorsReport.SsoRow;

/**
 * The indicators page as an XLSX workbook: one row per department and indicator (value, what it was measured on,
 * target, met) on the first sheet, the single sign-on availability per system on the second. Ratios are numbers in
 * a percent format, so they sort and sum in Excel; a figure without data is the text of "no data", never a number.
 */
public final class IndicatorsWorkbook {

    private IndicatorsWorkbook() {
    }

    /** @param label the page's label for a message key, in the reader's language */
    public static byte[] write(IndicatorsReport report, Function<String, String> label) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet sheet = book.createSheet(label.apply("indicators.sheet.departments"));
            header(sheet, bold, List.of(label.apply("indicators.col.departmentCode"), label.apply("indicators.col.department"),
                    label.apply("indicators.col.indicator"), label.apply("indicators.col.value"), label.apply("indicators.col.numerator"),
                    label.apply("indicators.col.denominator"), label.apply("indicators.col.target"), label.apply("indicators.col.met")));
            int r = 1;
            for (DepartmentRow d : report.departments()) {
                for (Indicator i : Indicator.values()) {
                    Figure f = d.figure(i);
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(d.departmentCode());
                    row.createCell(1).setCellValue(d.departmentName());
                    row.createCell(2).setCellValue(label.apply("indicators." + i.key()));
                    if (f.hasData()) {
                        Cell value = row.createCell(3);
                        value.setCellValue(f.value());
                        if (!i.isCount()) {
                            value.setCellStyle(percent);
                            row.createCell(5).setCellValue(f.denominator());
                        }
                        row.createCell(4).setCellValue(f.numerator());
                        row.createCell(7).setCellValue(label.apply(f.met() ? "indicators.met" : "indicators.notMet"));
                    } else {
                        row.createCell(3).setCellValue(label.apply("indicators.noData"));
                    }
                    Cell target = row.createCell(6);
                    target.setCellValue(i.target());
                    if (!i.isCount()) {
                        target.setCellStyle(percent);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            widths(sheet, 22, 26, 30, 12, 10, 10, 10, 10);

            if (report.sso() != null) {
                Sheet sso = book.createSheet(label.apply("indicators.sheet.sso"));
                header(sso, bold, List.of(label.apply("indicators.col.system"), label.apply("indicators.col.systemName"),
                        label.apply("indicators.col.availability"), label.apply("indicators.col.checks"),
                        label.apply("indicators.col.lastCheck"), label.apply("indicators.col.met")));
                int s = 1;
                for (SsoRow x : report.sso()) {
                    Row row = sso.createRow(s++);
                    row.createCell(0).setCellValue(x.systemId());
                    row.createCell(1).setCellValue(x.name() == null ? "" : x.name());
                    if (x.availability() == null) {
                        row.createCell(2).setCellValue(label.apply("indicators.noData"));
                    } else {
                        Cell a = row.createCell(2);
                        a.setCellValue(x.availability());
                        a.setCellStyle(percent);
                        row.createCell(3).setCellValue(x.checks());
                        row.createCell(4).setCellValue(label.apply(x.lastUp() ? "indicators.sso.up" : "indicators.sso.down"));
                        row.createCell(5).setCellValue(label.apply(x.met() ? "indicators.met" : "indicators.notMet"));
                    }
                }
                widths(sso, 22, 28, 12, 10, 12, 10);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the indicators workbook", e);
        }
    }

    private static void header(Sheet sheet, CellStyle bold, List<String> names) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(bold);
        }
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }
}
