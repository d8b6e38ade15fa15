package org.exchangehub.hub.console.returnflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.hub.returnflow.CaseRecords.residentId;
import static org.exchangehub.hub.returnflow.CaseRecords.withWrongCheckCharacter;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exchangehub.catalog.BureauCalendar;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemCategory;
import org.exchangehub.catalog.item.ServiceItemService;
import org.exchangehub.hub.console.ConsoleBrowserTest;
import org.exchangehub.hub.returnflow.CaseRecords;
import org.exchangehub.returnflow.completeness.CompletenessReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The return flow in the browser: records sent through the real HTTP batch intake of jq-approval (the market
 * regulation bureau's self-built system), then the day per source, the 30-day chart, a failing rule down to the
 * failed record, and what a department's editor may see.
 */
class ReturnFlowConsoleIT extends ConsoleBrowserTest {

    static final String SOURCE = "jq-approval";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ServiceItemService items;

    @Autowired
    CompletenessReports reports;

    String item;
    String suffix;

    @BeforeEach
    void referenceData() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        item = "11" + MARKET_REGULATION.substring(2, 8) + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        items.save(new ServiceItem(item, "食品经营许可" + item.substring(9), ServiceItemCategory.ADMINISTRATIVE_POWER, MARKET_REGULATION));
        suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    /** Today's counters of the source, for counting what this test adds (the database is shared). */
    private long[] todayCounts() {
        var today = BureauCalendar.today();
        return reports.statistics(today, today, SOURCE).sources().stream().filter(s -> s.sourceId().equals(SOURCE))
                .findFirst().map(s -> new long[] {s.received(), s.passed(), s.failed()}).orElse(new long[3]);
    }

    /** Three good records and two broken ones, posted the way the source posts them, with a token of its department. */
    private String sendRecords() {
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 1; i <= 3; i++) {
            batch.add(CaseRecords.selfBuilt("JQ-SCJG-" + suffix + "-OK" + i, item, MARKET_REGULATION, 1, residentId()));
        }
        batch.add(CaseRecords.selfBuilt("JQ-SCJG-" + suffix + "-BAD1", item + "-UNKNOWN", MARKET_REGULATION, 1, withWrongCheckCharacter(residentId())));
        batch.add(CaseRecords.selfBuilt("JQ-SCJG-" + suffix + "-BAD2", item, MARKET_REGULATION, 1, residentId()).put("state", "X"));
        String answer = api("POST", "/api/return-flow/sources/" + SOURCE + "/records",
                token("jq-approval-operator", "dept-editor", MARKET_REGULATION), batch.toString());
        assertThat(answer).contains("\"failed\":2");
        return answer;
    }

    @Test
    void anAdminSeesTodaysCountsPerSourceAndTheThirtyDayChartDrawn() {
        long[] before = todayCounts();
        sendRecords();

        signIn("li.si", "Li.Si-2026");
        open("/console/return-flow");

        WebElement chart = find(By.id("chart-" + SOURCE));
        waitFor(d -> "true".equals(chart.getDomAttribute("data-rendered")));
        assertThat(chart.findElements(By.tagName("canvas"))).as("ECharts drew into a canvas").isNotEmpty();
        WebElement row = find(By.cssSelector("#sources-table tr[data-source='" + SOURCE + "']"));
        assertThat(cell(row, "received")).isEqualTo(before[0] + 5);
        assertThat(cell(row, "passed")).isEqualTo(before[1] + 3);
        assertThat(cell(row, "failed")).isEqualTo(before[2] + 2);
        assertThat(all(By.cssSelector("#sources-table tr[data-source]")).size())
                .as("an admin sees every configured source").isGreaterThanOrEqualTo(4);
        assertThat(find(By.id("item-association")).getText()).contains("依申请行政权力事项");
        assertThat(find(By.cssSelector("#failing-rules table[data-source='" + SOURCE + "'] tr[data-rule='ITEM_UNKNOWN']")).getText())
                .contains("事项编码不在事项清单中");
        assertThat(find(By.id("delay-chart")).getDomAttribute("data-chart")).contains("1–3 天");
        scrollTo("sources-day");
        screenshot("return-flow");
        scrollTo("failing-rules");
        screenshot("return-flow-details");

        browser().manage().window().setSize(PHONE);
        try {
            open("/console/return-flow");
            WebElement phoneChart = find(By.id("chart-" + SOURCE));
            waitFor(d -> "true".equals(phoneChart.getDomAttribute("data-rendered")));
            assertThat(pageScrollsSideways()).as("the page fits a phone; tables scroll inside").isFalse();
            scrollTo("charts");
            assertThat(phoneScreenshot("return-flow")).exists();
        } finally {
            browser().manage().window().setSize(DESKTOP);
        }
    }

    @Test
    void aFailingRuleLeadsToTheFailedRecordWithEveryReasonAndItsIdNumberMasked() {
        sendRecords();
        String broken = "JQ-SCJG-" + suffix + "-BAD1";

        signIn("li.si", "Li.Si-2026");
        open("/console/return-flow");
        WebElement rule = find(By.cssSelector("#failing-rules table[data-source='" + SOURCE + "'] tr[data-rule='ITEM_UNKNOWN']"));
        rule.findElements(By.cssSelector("a.example")).stream().filter(a -> a.getText().equals(broken)).findFirst()
                .orElseThrow(() -> new AssertionError("no example " + broken + " in " + rule.getText())).click();

        waitFor(d -> d.getCurrentUrl().matches(".*/console/return-flow/sources/" + SOURCE + "/failures/\\d+$"));
        assertThat(find(By.id("failure-case")).getText()).isEqualTo(broken);
        List<String> rules = all(By.cssSelector("#reasons-table tr[data-rule]")).stream().map(r -> r.getDomAttribute("data-rule")).toList();
        assertThat(rules).containsExactlyInAnyOrder("ITEM_UNKNOWN", "ID_NUMBER_INVALID");
        assertThat(find(By.cssSelector("#reasons-table tr[data-rule='ITEM_UNKNOWN']")).getText())
                .contains("事项编码不在事项清单中", "itemCode");
        String raw = find(By.id("raw-payload")).getText();
        assertThat(raw).contains("\"caseNo\" : \"" + broken + "\"").containsPattern("620902\\*{8}\\d{3}[\\dX]")
                .doesNotContainPattern("620902(19|20)\\d{6}");
        screenshot("return-flow-failure");

        find(By.id("language-switch")).click();
        waitFor(d -> d.findElement(By.id("reasons-table")).getText().contains("The item code is not a registered service item"));
        assertThat(find(By.cssSelector("#reasons-table tr[data-rule='ITEM_UNKNOWN']")).getText())
                .contains("itemCode: expected the code of a registered service item");
        find(By.id("language-switch")).click();
        waitFor(d -> d.findElement(By.id("reasons-table")).getText().contains("事项编码不在事项清单中"));

        // the source's list: filtered by the rule, sorted on the server by case number
        open("/console/return-flow/sources/" + SOURCE + "/failures?rule=ITEM_UNKNOWN&sort=caseNumber&dir=desc");
        assertThat(find(By.id("failures-table")).getText()).contains(broken);
        assertThat(find(By.cssSelector("th[aria-sort='descending'] a[data-sort='caseNumber']")).isDisplayed()).isTrue();
        List<String> caseNumbers = all(By.cssSelector("#failures-table tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
        assertThat(caseNumbers).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aDepartmentsEditorSeesOnlyTheirDepartmentsSources() {
        sendRecords();

        signIn("zhang.san", "Zhang.San-2026");
        open("/console/return-flow");
        List<String> sources = all(By.cssSelector("#sources-table tr[data-source]")).stream()
                .map(r -> r.getDomAttribute("data-source")).toList();
        assertThat(sources).containsExactly(SOURCE);
        assertThat(all(By.id("item-association"))).as("item association is the whole city's: admins only").isEmpty();
        WebElement chart = find(By.id("chart-" + SOURCE));
        waitFor(d -> "true".equals(chart.getDomAttribute("data-rendered")));
        assertThat(all(By.cssSelector("[id^='chart-']"))).hasSize(1);

        open("/console/return-flow/sources/provincial-vertical/failures");
        assertThat(find(By.id("error-message")).getText()).contains("没有权限");
        open("/console/return-flow/sources/" + SOURCE + "/failures?status=all");
        assertThat(find(By.id("failures-table")).getText()).contains("JQ-SCJG-" + suffix + "-BAD2");
    }

    @Test
    void anEditorOfADepartmentWithoutASourceSeesNone() {
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
        signIn("zhao.liu", "Zhao.Liu-2026");
        open("/console/return-flow");
        assertThat(find(By.id("no-sources")).isDisplayed()).isTrue();
        assertThat(all(By.cssSelector("#sources-table tr[data-source]"))).isEmpty();
        open("/console/return-flow/sources/" + SOURCE + "/failures");
        assertThat(find(By.id("error-message")).getText()).contains("没有权限");
    }

    private static void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private static long cell(WebElement row, String column) {
        return Long.parseLong(row.findElement(By.cssSelector("td[data-col='" + column + "']")).getText().trim().replace(",", ""));
    }
}
