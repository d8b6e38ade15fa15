package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.exchangehub.catalog.tabular.TabularWriter;
import org.junit.jupiter.api.Test;

class BulkImportIT extends HubIntegrationTest {

    static final List<String> HEADERS = List.of("资源分类", "分类代码", "资源名称", "资源摘要", "资源格式", "共享类型", "共享条件",
            "共享方式", "开放类型", "更新周期", "信息项", "关联事项编码");

    @Test
    void xlsxImportCreatesValidRowsAndReportsEveryReasonForRejectedOnes() {
        String dept = createDepartment("酒泉市市场监督管理局");
        String item = createItem(dept, "企业设立登记", "ADMINISTRATIVE_POWER");
        HubApi officer = as("officer", "dept-editor", dept);
        byte[] xlsx = TabularWriter.xlsx(HEADERS, List.of(
                List.of("部门", "3-01-02", "企业营业执照信息", "企业营业执照主要信息", "接口", "无条件共享", "", "接口共享", "不予开放", "实时",
                        "统一社会信用代码|字符型|18;企业名称|字符型|200;法定代表人身份证号|字符型|18|是", item),
                List.of("部门", "3-01-03", "食品经营许可证信息", "许可证信息", "数据库", "有条件共享", "", "库表交换", "不予开放", "每周",
                        "许可证编号|STRING|abc", "NO-SUCH-ITEM"),
                List.of("部门", "3-01-02", "个体工商户登记信息", "个体工商户登记信息", "电子表格", "无条件共享", "", "文件下载", "开放", "每月",
                        "经营者姓名|STRING|50", "")));

        JsonNode report = officer.upload("/api/catalog/entries/import", "目录.xlsx", xlsx).body();
        assertThat(report.path("total").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = report.path("rows").get(1);
        assertThat(rejected.path("row").asInt()).isEqualTo(3);
        assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("problems").findValuesAsText("field"))
                .containsExactlyInAnyOrder("shareConditions", "dataItems[0].length", "relatedItemCodes[0]");
        assertThat(report.path("rows").get(0).path("key").asText()).matches("3-01-02/\\d{6}");

        var entries = officer.get("/api/catalog/entries?department=" + dept).body();
        assertThat(entries.path("items").findValuesAsText("name"))
                .containsExactlyInAnyOrder("企业营业执照信息", "个体工商户登记信息");
        String code = report.path("rows").get(0).path("key").asText();
        JsonNode entry = officer.get(path(code)).body().path("pending").path("content");
        assertThat(entry.path("dataItems").get(2).path("sensitive").asBoolean()).isTrue();
        assertThat(entry.path("relatedItemCodes").get(0).asText()).isEqualTo(item);
    }

    @Test
    void gbkCsvImportReadsChineseHeadersAndValues() {
        String dept = createDepartment("酒泉市自然资源局");
        HubApi officer = as("officer", "dept-editor", dept);
        byte[] csv = TabularWriter.csv(HEADERS, List.of(
                List.of("部门", "3-02-01", "不动产登记信息", "不动产权利和登记簿信息", "数据库", "有条件共享", "仅限登记和金融监管用途",
                        "库表交换", "不予开放", "每日", "不动产单元号|字符型|28;权利人|字符型|100", "")), Charset.forName("GBK"));
        JsonNode report = officer.upload("/api/catalog/entries/import", "natural-resources.csv", csv).body();
        assertThat(report.path("created").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(officer.get("/api/catalog/entries?q=登记簿&department=" + dept).body().path("items").findValuesAsText("name"))
                .containsExactly("不动产登记信息");
    }

    @Test
    void rowForAnotherDepartmentIsRejectedAndMissingColumnsRefuseTheFile() {
        String dept = createDepartment("酒泉市教育局");
        String other = createDepartment("酒泉市民政局");
        HubApi officer = as("officer", "dept-editor", dept);
        List<String> headers = new java.util.ArrayList<>(HEADERS);
        headers.add("提供部门代码");
        byte[] csv = TabularWriter.csv(headers, List.of(List.of("部门", "3-01-02", "学籍信息", "学籍", "数据库", "无条件共享", "",
                "接口共享", "不予开放", "每日", "学生姓名|字符型|50", "", other)), StandardCharsets.UTF_8);
        JsonNode report = officer.upload("/api/catalog/entries/import", "x.csv", csv).body();
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        assertThat(report.path("rows").get(0).path("problems").findValuesAsText("field")).contains("departmentCode");

        byte[] noColumns = TabularWriter.csv(List.of("资源名称"), List.of(List.of("学籍信息")), StandardCharsets.UTF_8);
        var refused = officer.upload("/api/catalog/entries/import", "x.csv", noColumns);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("detail").asText()).contains("信息项");
        assertThat(officer.upload("/api/catalog/entries/import", "x.pdf", noColumns).status()).isEqualTo(400);
    }

    @Test
    void adminImportsDepartmentsAndServiceItemsRowByRow() {
        String good = newDepartmentCode();
        byte[] departments = TabularWriter.csv(List.of("部门代码", "部门名称", "行政区划代码"), List.of(
                List.of(good, "酒泉市医疗保障局", "620900"),
                List.of("91620900MA7XXXXXXX", "坏代码局", "999999")), StandardCharsets.UTF_8);
        JsonNode report = admin().upload("/api/departments/import", "departments.csv", departments).body();
        assertThat(report.path("created").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.path("rows").get(1).path("problems").findValuesAsText("field")).containsExactlyInAnyOrder("code", "regionCode");

        byte[] items = TabularWriter.xlsx(List.of("事项编码", "事项名称", "事项类型", "实施部门代码"), List.of(
                List.of("11620900MB1234567X4000117001", "医保关系转移", "公共服务事项", good),
                List.of("11620900MB1234567X4000117002", "医保报销", "便民服务", good)));
        JsonNode itemReport = admin().upload("/api/service-items/import", "items.xlsx", items).body();
        assertThat(itemReport.path("created").asInt()).as(itemReport.toString()).isEqualTo(1);
        assertThat(itemReport.path("rows").get(1).path("problems").findValuesAsText("field")).containsExactly("category");
        assertThat(as("officer", "dept-editor", good).upload("/api/departments/import", "d.csv", departments).status()).isEqualTo(403);
    }
}
