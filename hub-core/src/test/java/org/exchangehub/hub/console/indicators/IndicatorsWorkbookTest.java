package org.exchangehub.hub.console.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.exchangehub.catalog.calls.CallLog;
import org.exchangehub.catalog.coverage.CoverageReport;
import org.exchangehub.hub.console.indicators.IndicatorsReport.SsoRow;
import org.exchangehub.returnflow.completeness.DepartmentIndicators;
import org.junit.jupiter.api.Test;

/** The indicators workbook read back with POI: figures as numbers beside their targets, "no data" never as a number. */
class IndicatorsWorkbookTest {

    static final String DEPT = "11620900MB00000013";

    static IndicatorsReport report() {
        CoverageReport.Figures coverage = new CoverageReport.Figures(DEPT, "酒泉市市场监督管理局",
                new CoverageReport.CategoryCoverage(4, 3, 0.75), new CoverageReport.CategoryCoverage(0, 0, null), 2, 2, 1.0);
        var row = IndicatorsService.row(coverage, new CallLog.GrantsCalled(DEPT, 5, 5),
                new DepartmentIndicators.Figures(DEPT, 200, 190, 100, 98, 2, 10, 8));
        return new IndicatorsReport(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 5, 1), YearMonth.of(2026, 5), List.of(row),
                List.of(new SsoRow("health-portal", "卫健委健康服务系统", 10L, 0.9, true, Instant.parse("2026-05-01T02:00:00Z")),
                        new SsoRow("tax", "税务系统", null, null, null, null)));
    }

    @Test
    void writesOneRowPerDepartmentAndIndicatorWithTargetAndWhetherItIsMet() throws IOException {
        byte[] bytes = IndicatorsWorkbook.write(report(), key -> key);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheet("indicators.sheet.departments");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(1 + Indicator.values().length);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("indicators.col.value");

            Row ap = find(sheet, "indicators.coverage-administrative-power");
            assertThat(ap.getCell(0).getStringCellValue()).isEqualTo(DEPT);
            assertThat(ap.getCell(3).getNumericCellValue()).isEqualTo(0.75);
            assertThat(ap.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(ap.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(ap.getCell(5).getNumericCellValue()).isEqualTo(4);
            assertThat(ap.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(ap.getCell(7).getStringCellValue()).isEqualTo("indicators.notMet");

            Row ps = find(sheet, "indicators.coverage-public-service");
            assertThat(ps.getCell(3).getCellType()).as("no items: no figure, not 0%").isEqualTo(CellType.STRING);
            assertThat(ps.getCell(3).getStringCellValue()).isEqualTo("indicators.noData");
            assertThat(ps.getCell(7)).isNull();

            Row association = find(sheet, "indicators.item-association");
            assertThat(association.getCell(3).getNumericCellValue()).isEqualTo(0.8);
            assertThat(association.getCell(6).getNumericCellValue()).isEqualTo(0.7);
            assertThat(association.getCell(7).getStringCellValue()).isEqualTo("indicators.met");

            Row overdue = find(sheet, "indicators.overdue");
            assertThat(overdue.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(overdue.getCell(7).getStringCellValue()).isEqualTo("indicators.notMet");
            assertThat(find(sheet, "indicators.interfaces-called").getCell(7).getStringCellValue()).isEqualTo("indicators.met");

            Sheet sso = book.getSheet("indicators.sheet.sso");
            assertThat(sso.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(0.9);
            assertThat(sso.getRow(1).getCell(5).getStringCellValue()).isEqualTo("indicators.met");
            assertThat(sso.getRow(2).getCell(2).getStringCellValue()).isEqualTo("indicators.noData");
        }
    }

    @Test
    void aDepartmentThatSentNoCasesHasNoOverdueFigureRatherThanAPerfectOne() {
        CoverageReport.Figures coverage = new CoverageReport.Figures(DEPT, "酒泉市市场监督管理局",
                new CoverageReport.CategoryCoverage(0, 0, null), new CoverageReport.CategoryCoverage(0, 0, null), 0, 0, null);
        var row = IndicatorsService.row(coverage, null, null);
        assertThat(row.figures().values()).allSatisfy(f -> assertThat(f.hasData()).isFalse());
        assertThat(row.missed()).isZero();
    }

    private static Row find(Sheet sheet, String indicator) {
        for (Row row : sheet) {
            if (row.getCell(2) != null && indicator.equals(row.getCell(2).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + indicator);
    }
}
