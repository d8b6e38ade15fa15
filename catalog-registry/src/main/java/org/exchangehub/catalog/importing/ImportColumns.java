package org.exchangehub.catalog.importing;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.tabular.Row;
import org.exchangehub.catalog.tabular.Table;
import org.exchangehub.catalog.tabular.TabularReader;

/**
 * The columns of the import templates. Each column is recognised by its Chinese header (as in the compiling
 * guide's templates) or its English field name, and enumerations accept the Chinese terms too.
 */
final class ImportColumns {

    private ImportColumns() {
    }

    record Column(String field, String chinese) {
        String in(Row row) {
            String v = row.value(chinese);
            return v.isEmpty() ? row.value(field) : v;
        }

        boolean presentIn(List<String> headers) {
            return headers.contains(chinese) || headers.contains(field);
        }
    }

    static final Column DEPARTMENT_CODE = new Column("departmentCode", "提供部门代码");
    static final Column RESOURCE_CATEGORY = new Column("resourceCategory", "资源分类");
    static final Column CLASSIFICATION_CODE = new Column("classificationCode", "分类代码");
    static final Column NAME = new Column("name", "资源名称");
    static final Column ABSTRACT = new Column("abstract", "资源摘要");
    static final Column FORMAT = new Column("format", "资源格式");
    static final Column SHARE_TYPE = new Column("shareType", "共享类型");
    static final Column SHARE_CONDITIONS = new Column("shareConditions", "共享条件");
    static final Column LEGAL_BASIS = new Column("legalBasis", "不予共享依据");
    static final Column SHARE_MODE = new Column("shareMode", "共享方式");
    static final Column OPEN_TYPE = new Column("openType", "开放类型");
    static final Column OPEN_CONDITIONS = new Column("openConditions", "开放条件");
    static final Column UPDATE_CYCLE = new Column("updateCycle", "更新周期");
    static final Column DATA_ITEMS = new Column("dataItems", "信息项");
    static final Column RELATED_ITEMS = new Column("relatedItemCodes", "关联事项编码");
    static final Column RELATED_RESOURCES = new Column("relatedResourceCodes", "关联资源代码");

    static final List<Column> ENTRY_REQUIRED = List.of(RESOURCE_CATEGORY, CLASSIFICATION_CODE, NAME, ABSTRACT, FORMAT,
            SHARE_TYPE, OPEN_TYPE, UPDATE_CYCLE, DATA_ITEMS);

    static final Column DEPT_CODE = new Column("code", "部门代码");
    static final Column DEPT_NAME = new Column("name", "部门名称");
    static final Column DEPT_REGION = new Column("regionCode", "行政区划代码");

    static final Column ITEM_CODE = new Column("itemCode", "事项编码");
    static final Column ITEM_NAME = new Column("name", "事项名称");
    static final Column ITEM_CATEGORY = new Column("category", "事项类型");
    static final Column ITEM_DEPARTMENT = new Column("departmentCode", "实施部门代码");

    /** Chinese terms an import may use instead of the enumeration names. */
    static final Map<String, String> CHINESE_TERMS = Map.ofEntries(
            Map.entry("基础", "BASIC"), Map.entry("基础信息资源", "BASIC"),
            Map.entry("主题", "THEME"), Map.entry("主题信息资源", "THEME"),
            Map.entry("部门", "DEPARTMENT"), Map.entry("部门信息资源", "DEPARTMENT"),
            Map.entry("数据库", "DATABASE"), Map.entry("电子表格", "SPREADSHEET"), Map.entry("电子文件", "FILE"),
            Map.entry("图形图像", "IMAGE"), Map.entry("流媒体", "STREAM"), Map.entry("接口", "INTERFACE"), Map.entry("其他", "OTHER"),
            Map.entry("无条件共享", "UNCONDITIONAL"), Map.entry("有条件共享", "CONDITIONAL"), Map.entry("不予共享", "NOT_SHARED"),
            Map.entry("接口共享", "INTERFACE"), Map.entry("库表交换", "TABLE_EXCHANGE"), Map.entry("文件", "FILE"),
            Map.entry("文件下载", "FILE"),
            Map.entry("开放", "OPEN"), Map.entry("无条件开放", "OPEN"), Map.entry("有条件开放", "CONDITIONAL_OPEN"),
            Map.entry("不予开放", "NOT_OPEN"),
            Map.entry("实时", "REAL_TIME"), Map.entry("每日", "DAILY"), Map.entry("每周", "WEEKLY"), Map.entry("每月", "MONTHLY"),
            Map.entry("每季度", "QUARTERLY"), Map.entry("每年", "YEARLY"),
            Map.entry("字符型", "STRING"), Map.entry("整数型", "INTEGER"), Map.entry("数值型", "DECIMAL"), Map.entry("日期型", "DATE"),
            Map.entry("日期时间型", "DATETIME"), Map.entry("布尔型", "BOOLEAN"), Map.entry("二进制", "BINARY"),
            Map.entry("依申请行政权力事项", "ADMINISTRATIVE_POWER"), Map.entry("行政权力", "ADMINISTRATIVE_POWER"),
            Map.entry("公共服务事项", "PUBLIC_SERVICE"), Map.entry("公共服务", "PUBLIC_SERVICE"));

    /** Reads the file and refuses it whole, naming what is missing, when a required column is absent. */
    static Table readRequiring(String fileName, InputStream in, List<Column> required) {
        Table table = TabularReader.read(fileName, in);
        List<String> missing = required.stream().filter(c -> !c.presentIn(table.headers()))
                .map(c -> c.chinese() + " (" + c.field() + ")").toList();
        if (!missing.isEmpty()) {
            throw RegistryException.invalid(List.of(new FieldProblem("file", "missing column(s) " + missing + "; found " + table.headers())));
        }
        return table;
    }

    static String term(String value) {
        return value == null ? null : CHINESE_TERMS.getOrDefault(value.strip(), value.strip());
    }
}
