package org.exchangehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The catalogue pages in the browser: create with inline errors and submit, Chinese search with paging and sorting,
 * the reviewer's queue, another department's editor refused, bulk import's report, coverage's uncovered items.
 */
class CatalogConsoleIT extends ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A term no other test's entry has: letters and digits are one search term each. */
    private final String unique = "zx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @BeforeEach
    void departments() {
        department(MARKET_REGULATION, "酒泉市市场监督管理局");
        department(NATURAL_RESOURCES, "酒泉市自然资源局");
    }

    @Test
    void anEditorSeesTheMissingFieldBesideItFixesItAndSubmits() {
        signIn("zhang.san", "Zhang.San-2026");
        open("/console/catalog/new");
        new Select(find(By.id("resourceCategory"))).selectByValue("DEPARTMENT");
        find(By.id("classificationCode")).sendKeys("3-01-02");
        new Select(find(By.id("format"))).selectByValue("DATABASE");
        find(By.id("summary")).sendKeys("企业设立、变更和注销登记的营业执照信息");
        new Select(find(By.id("shareType"))).selectByValue("UNCONDITIONAL");
        new Select(find(By.id("shareMode"))).selectByValue("INTERFACE");
        new Select(find(By.id("openType"))).selectByValue("NOT_OPEN");
        new Select(find(By.id("updateCycle"))).selectByValue("DAILY");
        find(By.id("item-0-name")).sendKeys("统一社会信用代码");
        find(By.id("item-0-length")).sendKeys("18");
        find(By.id("add-item")).click();
        find(By.id("item-1-name")).sendKeys("法定代表人身份证号");
        find(By.id("item-1-sensitive")).click();
        // the name is left empty, and the second item, a STRING, has no length

        find(By.id("save-entry")).click();

        WebElement nameError = find(By.cssSelector("label[for=name] .field-error"));
        assertThat(nameError.getAttribute("data-field")).isEqualTo("name");
        assertThat(nameError.getText()).as("in the user's language").isEqualTo("必填");
        assertThat(find(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
        WebElement lengthError = find(By.cssSelector("tr[data-row='1'] .field-error"));
        assertThat(lengthError.getAttribute("data-field")).isEqualTo("dataItems[1].length");
        assertThat(lengthError.getText()).isEqualTo("字符型信息项须填写最大长度");
        assertThat(find(By.id("item-1-name")).getAttribute("value")).as("what was typed is kept").isEqualTo("法定代表人身份证号");
        assertThat(find(By.id("item-1-sensitive")).isSelected()).isTrue();
        screenshot("catalog-edit-errors");

        find(By.id("name")).sendKeys("企业营业执照信息" + unique);
        find(By.id("item-1-length")).sendKeys("18");
        find(By.id("save-and-submit")).click();

        assertThat(find(By.id("entry-name")).getText()).isEqualTo("企业营业执照信息" + unique);
        assertThat(find(By.id("entry-status")).getText()).isEqualTo("待审核");
        assertThat(find(By.id("flash")).getText()).isEqualTo("已提交审核");
        assertThat(find(By.id("data-items")).findElements(By.cssSelector(".sensitive-mark"))).hasSize(1);
        assertThat(find(By.id("history")).getText()).contains("新建", "提交审核", "zhang.san");
        assertThat(all(By.id("edit-entry"))).as("no edits while the reviewer decides").isEmpty();
    }

    @Test
    void searchesInChineseAndPagesAndSortsTheResults() {
        String editor = token("zhang.san", "dept-editor", MARKET_REGULATION);
        String c = create(editor, "丙营业执照" + unique + "登记信息");
        String a = create(editor, "甲营业执照" + unique + "年报信息");
        String b = create(editor, "乙营业执照" + unique + "变更信息");
        create(editor, "食品经营许可证" + unique + "信息");

        signIn("zhang.san", "Zhang.San-2026");
        open("/console/catalog");
        find(By.id("q")).sendKeys("营业执照 " + unique);
        // htmx asks as one types: the results follow without the search button
        waitFor(d -> rows().size() == 3);
        assertThat(browser().getCurrentUrl()).contains("q=");
        screenshot("catalog-search");
        phoneScreenshot("catalog-search");
        assertThat(fitsAPhone()).isTrue();

        open("/console/catalog?q=" + enc("营业执照 " + unique) + "&size=2&sort=name&dir=asc");
        // names sort by pinyin: 丙 bǐng < 甲 jiǎ < 乙 yǐ (by code point 乙 would come before 甲)
        assertThat(rows()).containsExactly(c, a);
        find(By.cssSelector("#results a[rel=next]")).click();
        waitFor(ExpectedConditions.urlContains("page=1"));
        assertThat(rows()).containsExactly(b);

        find(By.cssSelector("#results-table th a[data-sort=name]")).click();
        waitFor(ExpectedConditions.urlContains("dir=desc"));
        assertThat(rows()).as("descending, back on the first page").containsExactly(b, a);

        open("/console/catalog?q=" + enc("许可证 " + unique));
        assertThat(find(By.id("results-table")).getText()).contains("食品经营许可证" + unique + "信息").doesNotContain("营业执照");

        open("/console/catalog?lang=en&q=" + enc("许可证 " + unique));
        assertThat(find(By.tagName("h1")).getText()).isEqualTo("Search the catalogue");
        assertThat(find(By.id("results-table")).getText()).contains("Resource name", "Unconditional", "Draft");
    }

    @Test
    void aReviewerNeedsAReasonToRejectAndApprovesAnother() {
        String editor = token("zhang.san", "dept-editor", MARKET_REGULATION);
        String toReject = create(editor, "营业执照变更记录" + unique);
        String toApprove = create(editor, "营业执照注销记录" + unique);
        submit(editor, toReject);
        submit(editor, toApprove);

        signIn("wang.wu", "Wang.Wu-2026");
        open("/console/catalog/review?sort=submitted&dir=desc&size=100");
        WebElement row = find(queueRow(toReject));
        row.findElement(By.cssSelector("button.reject")).click();

        WebElement error = find(By.cssSelector(rowCss(toReject) + " .field-error"));
        assertThat(error.getAttribute("data-field")).isEqualTo("reason");
        assertThat(all(By.cssSelector("#review-queue .field-error"))).as("only beside the row rejected").hasSize(1);
        screenshot("catalog-review");

        find(queueRow(toApprove)).findElement(By.cssSelector("button.approve")).click();
        assertThat(find(By.id("flash")).getText()).contains(toApprove);
        assertThat(all(queueRow(toApprove))).as("no longer waiting").isEmpty();

        find(queueRow(toReject)).findElement(By.cssSelector("input.reason")).sendKeys("摘要未写明数据范围");
        find(queueRow(toReject)).findElement(By.cssSelector("button.reject")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), toReject));

        open("/console/catalog/entries/" + toApprove);
        assertThat(find(By.id("entry-status")).getText()).isEqualTo("已发布");
        assertThat(find(By.id("history")).getText()).contains("审核通过并发布", "wang.wu");
        open("/console/catalog/entries/" + toReject);
        assertThat(find(By.id("entry-status")).getText()).isEqualTo("已退回");
        assertThat(find(By.id("review-reason")).getText()).contains("摘要未写明数据范围");
    }

    @Test
    void anEditorOfAnotherDepartmentCannotEditTheEntry() {
        String editor = token("zhang.san", "dept-editor", MARKET_REGULATION);
        String code = create(editor, "营业执照年检信息" + unique);
        submit(editor, code);
        api("POST", "/api/catalog/entries/" + code + "/approve", token("li.si", "reviewer,admin", DATA_BUREAU), null);
        // a second version makes the history show field-level changes
        JsonNode view = get("/api/catalog/entries/" + code, editor);
        String revised = view.path("published").path("content").toString()
                .replace("企业营业执照年检信息", "企业营业执照年检与年报信息").replace("\"format\":\"DATABASE\"", "\"format\":\"INTERFACE\"");
        putIfMatch("/api/catalog/entries/" + code, editor, view.path("lockVersion").asInt(), revised);

        signIn("zhang.san", "Zhang.San-2026");
        open("/console/catalog/entries/" + code);
        assertThat(find(By.id("edit-entry")).isDisplayed()).as("its own department's editor may").isTrue();
        assertThat(find(By.id("history")).getText()).contains("修订已发布目录", "资源格式", "DATABASE", "INTERFACE");
        screenshot("catalog-entry");
        phoneScreenshot("catalog-entry");
        assertThat(fitsAPhone()).isTrue();

        startSignedOut();
        signIn("zhao.liu", "Zhao.Liu-2026");
        open("/console/catalog/entries/" + code);
        assertThat(find(By.id("entry-status")).getText()).isEqualTo("已发布");
        assertThat(all(By.id("edit-entry"))).isEmpty();
        assertThat(all(By.id("retire-entry"))).isEmpty();
        assertThat(all(By.id("history"))).as("another department sees the published entry, not its working history").isEmpty();
        assertThat(find(By.id("apply-for-entry")).getAttribute("href")).as("but may apply for it")
                .endsWith("/console/sharing/apply?entry=" + code);
        find(By.id("apply-for-entry")).click();
        waitFor(d -> d.getCurrentUrl().contains("/console/sharing/apply"));
        assertThat(all(By.id("error-message"))).as("the apply page opens for her").isEmpty();

        open("/console/catalog/entries/" + code + "/edit");
        assertThat(find(By.id("error-message")).getText()).contains("没有权限");
        assertThat(all(By.id("entry-form"))).isEmpty();
    }

    @Test
    void anEditSavedOverSomeoneElsesChangeIsRefusedAndKeptInTheForm() {
        String editor = token("zhang.san", "dept-editor", MARKET_REGULATION);
        String code = create(editor, "营业执照吊销信息" + unique);

        signIn("zhang.san", "Zhang.San-2026");
        open("/console/catalog/entries/" + code + "/edit");
        find(By.id("summary")).clear();
        find(By.id("summary")).sendKeys("吊销营业执照的决定与日期");
        // meanwhile a colleague saves the entry through the API
        JsonNode view = get("/api/catalog/entries/" + code, editor);
        putIfMatch("/api/catalog/entries/" + code, editor, view.path("lockVersion").asInt(),
                view.path("pending").path("content").toString().replace("\"DAILY\"", "\"WEEKLY\""));

        find(By.id("save-entry")).click();

        assertThat(find(By.id("form-refusal")).getText()).contains("已被他人修改");
        assertThat(find(By.id("summary")).getAttribute("value")).as("the user's text is not lost").isEqualTo("吊销营业执照的决定与日期");
        open("/console/catalog/entries/" + code);
        assertThat(find(By.id("entry-metadata")).getText()).as("the colleague's change stands").contains("每周")
                .doesNotContain("吊销营业执照的决定与日期");
    }

    @Test
    void bulkImportReportsEveryRowAndWhyOneWasRefused() throws IOException {
        Path csv = Files.createTempFile("catalog-import-", ".csv");
        Files.writeString(csv, String.join("\r\n",
                "资源分类,分类代码,资源名称,资源摘要,资源格式,共享类型,共享方式,开放类型,更新周期,信息项",
                "部门,3-01-02,个体工商户登记信息" + unique + ",个体工商户设立和变更登记,数据库,无条件共享,接口共享,不予开放,每日,统一社会信用代码|STRING|18;经营者姓名|STRING|50",
                "部门,3-1,,缺少名称的一行,数据库,有条件共享,接口共享,不予开放,每日,统一社会信用代码|STRING",
                "部门,3-01-03,农民专业合作社登记信息" + unique + ",合作社登记,电子表格,无条件共享,文件下载,不予开放,每月,合作社名称|STRING|200"),
                StandardCharsets.UTF_8);
        try {
            signIn("zhang.san", "Zhang.San-2026");
            open("/console/catalog/import");
            find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            find(By.id("import-button")).click();

            assertThat(find(By.id("import-total")).getText()).isEqualTo("3");
            assertThat(find(By.id("import-created")).getText()).isEqualTo("2");
            assertThat(find(By.id("import-rejected")).getText()).isEqualTo("1");
            WebElement refused = find(By.cssSelector("#import-rows tr[data-row='3']"));
            assertThat(refused.getText()).contains("被拒绝", "name", "classificationCode", "shareConditions", "dataItems[0].length");
            WebElement created = find(By.cssSelector("#import-rows tr[data-row='2']"));
            assertThat(created.getText()).contains("已创建", "3-01-02/");
            screenshot("catalog-import");

            created.findElement(By.tagName("a")).click();
            assertThat(find(By.id("entry-name")).getText()).isEqualTo("个体工商户登记信息" + unique);
            assertThat(find(By.id("entry-status")).getText()).isEqualTo("草稿");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void coverageListsTheDepartmentsUncoveredItems() {
        String itemCode = "0000-" + unique.toUpperCase(Locale.ROOT);
        api("PUT", "/api/service-items/" + itemCode, token("li.si", "admin", DATA_BUREAU),
                "{\"name\":\"食品小作坊登记" + unique + "\",\"category\":\"ADMINISTRATIVE_POWER\",\"departmentCode\":\"" + MARKET_REGULATION + "\"}");

        signIn("zhang.san", "Zhang.San-2026");
        open("/console/catalog/coverage");
        assertThat(find(By.cssSelector("#coverage-table tr[data-department='" + MARKET_REGULATION + "']")).getText())
                .contains("酒泉市市场监督管理局");
        assertThat(find(By.cssSelector("#uncovered h2")).getText()).contains("酒泉市市场监督管理局");
        assertThat(find(By.cssSelector("#uncovered-items tr[data-item='" + itemCode + "']")).getText())
                .contains("食品小作坊登记" + unique, "依申请行政权力事项");
        waitFor(d -> "true".equals(d.findElement(By.id("coverage-chart")).getAttribute("data-rendered")));
        screenshot("catalog-coverage");
        phoneScreenshot("catalog-coverage");
        assertThat(fitsAPhone()).as("the tables scroll inside their frames").isTrue();

        find(By.cssSelector("#coverage-table th a[data-sort=department]")).click();
        waitFor(ExpectedConditions.urlContains("sort=department"));
        List<String> names = all(By.cssSelector("#coverage-table tbody tr td:first-child")).stream().map(WebElement::getText).toList();
        assertThat(names).as("by pinyin").isSortedAccordingTo(java.text.Collator.getInstance(Locale.SIMPLIFIED_CHINESE)::compare);
    }

    /** Does the current page fit a phone's width without the page itself scrolling sideways? */
    private boolean fitsAPhone() {
        browser().manage().window().setSize(PHONE);
        try {
            // the page lays itself out again after the resize (the chart redraws at the new width): judge it once it has
            new org.openqa.selenium.support.ui.WebDriverWait(browser(), java.time.Duration.ofSeconds(5)).until(d -> !pageScrollsSideways());
            return true;
        } catch (org.openqa.selenium.TimeoutException stillTooWide) {
            return false;
        } finally {
            browser().manage().window().setSize(DESKTOP);
        }
    }

    private List<String> rows() {
        return all(By.cssSelector("#results-table tbody tr")).stream().map(r -> r.getAttribute("data-code")).toList();
    }

    private static By queueRow(String code) {
        return By.cssSelector(rowCss(code));
    }

    private static String rowCss(String code) {
        return "#review-queue tr[data-code='" + code + "']";
    }

    private String create(String token, String name) {
        String json = "{\"resourceCategory\":\"DEPARTMENT\",\"classificationCode\":\"3-01-02\",\"name\":\"" + name + "\","
                + "\"abstract\":\"" + name + "的登记与变更\",\"format\":\"DATABASE\",\"shareType\":\"UNCONDITIONAL\","
                + "\"shareMode\":\"INTERFACE\",\"openType\":\"NOT_OPEN\",\"updateCycle\":\"DAILY\","
                + "\"dataItems\":[{\"name\":\"统一社会信用代码\",\"type\":\"STRING\",\"length\":18},"
                + "{\"name\":\"法定代表人身份证号\",\"type\":\"STRING\",\"length\":18,\"sensitive\":true}]}";
        try {
            return JSON.readTree(api("POST", "/api/catalog/entries", token, json)).path("resourceCode").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void submit(String token, String code) {
        api("POST", "/api/catalog/entries/" + code + "/submit", token, null);
    }

    private JsonNode get(String path, String token) {
        try {
            return JSON.readTree(api("GET", path, token, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putIfMatch(String path, String token, int lockVersion, String json) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(hubUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("If-Match", "\"" + lockVersion + "\"")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
            var answer = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
