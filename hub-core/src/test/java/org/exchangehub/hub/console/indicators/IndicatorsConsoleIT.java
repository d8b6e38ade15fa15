package org.exchangehub.hub.console.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.exchangehub.hub.console.ConsoleBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The indicators page: every department for an admin, one's own otherwise; the same figures as an XLSX download. */
class IndicatorsConsoleIT extends ConsoleBrowserTest {

    @Test
    void anAdminSeesEveryDepartmentsIndicatorsBesideTheirTargetsAndDownloadsThemAsXlsx() throws Exception {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        signIn("li.si", "Li.Si-2026");
        open("/console/indicators?sort=code");

        WebElement table = find(By.id("indicators"));
        assertThat(table.findElement(By.cssSelector("th[data-indicator='item-association'] .target")).getText()).isEqualTo("目标 ≥ 70%");
        assertThat(table.findElement(By.cssSelector("th[data-indicator='overdue'] .target")).getText()).isEqualTo("目标 0");
        assertThat(all(By.cssSelector("#indicators tbody tr")).size()).isGreaterThanOrEqualTo(2);
        for (WebElement cell : all(By.cssSelector("#indicators td.figure-cell"))) {
            String text = cell.getText();
            assertThat(text.contains("无数据") || text.contains("达标")).as("a figure with its verdict, or no data: " + text).isTrue();
        }
        assertThat(find(By.id("sso-availability")).isDisplayed()).isTrue();
        screenshot("indicators");
        phoneScreenshot("indicators");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hubUrl() + "/console/indicators.xlsx"))
                .header("Cookie", browser().manage().getCookies().stream().filter(c -> "127.0.0.1".equals(c.getDomain())
                        || c.getDomain() == null || c.getDomain().contains("127.0.0.1"))
                        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("各部门指标");
            assertThat(sheet).isNotNull();
            long marketRows = 0;
            for (Row row : sheet) {
                if (MARKET_REGULATION.equals(row.getCell(0).getStringCellValue())) {
                    marketRows++;
                }
            }
            assertThat(marketRows).as("one row per indicator").isEqualTo(Indicator.values().length);
        }
    }

    @Test
    void aDepartmentEditorSeesOnlyHerOwnDepartment() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        signIn("zhang.san", "Zhang.San-2026");
        open("/console/indicators");
        assertThat(find(By.id("own-department-only")).isDisplayed()).isTrue();
        assertThat(all(By.cssSelector("#indicators tbody tr"))).singleElement()
                .satisfies(r -> assertThat(r.getAttribute("data-department")).isEqualTo(MARKET_REGULATION));
        assertThat(all(By.id("sso-availability"))).as("hub-wide single sign-on figures are for admins").isEmpty();
    }
}
