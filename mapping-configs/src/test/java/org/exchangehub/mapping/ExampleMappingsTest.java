package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped configs on the records of shared/SCENARIOS.md: what the gateway and the return flow will see. */
class ExampleMappingsTest {

    private static final Mapper PROVINCIAL_VERTICAL =
            MappingConfigs.loadResource("mappings/case-record/provincial-vertical.yaml").mapper();
    private static final Mapper SELF_BUILT =
            MappingConfigs.loadResource("mappings/case-record/self-built-approval-system.yaml").mapper();
    private static final Mapper PROVINCIAL_CSV =
            MappingConfigs.loadResource("mappings/case-record/provincial-daily-csv.yaml").mapper();

    private static final Mapper SELF_BUILT_DATABASE =
            MappingConfigs.loadResource("mappings/case-record/self-built-database.yaml").mapper();

    @Test
    void mapsASelfBuiltDatabaseRowWithZonelessTimestampsAndLetterCodes() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 481L);
        row.put("case_no", "JQ-YWXT-2026-000481");
        row.put("item_code", "11620900mb00000013400011700001");
        row.put("applicant_type", "P");
        row.put("applicant_name", "李四");
        row.put("id_type", "IDCARD");
        row.put("id_no", "62090219900307123x");
        row.put("dept_code", "11620900MB00000013");
        row.put("channel", "Q");
        row.put("accepted_at", java.sql.Timestamp.valueOf("2026-11-23 09:30:11"));
        row.put("completed_at", java.sql.Timestamp.valueOf("2026-11-23 10:15:44"));
        row.put("decided_at", null);
        row.put("promise_days", 3);
        row.put("status", "C");
        row.put("updated_at", java.time.LocalDateTime.parse("2026-11-23T10:16:00"));

        MappingResult result = SELF_BUILT_DATABASE.map(row);

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).contains(
                entry("caseNumber", "JQ-YWXT-2026-000481"),
                entry("itemCode", "11620900MB00000013400011700001"),
                entry("applicantType", "PERSON"),
                entry("idType", "RESIDENT_ID"),
                entry("idNumber", "62090219900307123X"),
                entry("channel", "WINDOW"),
                entry("acceptedAt", OffsetDateTime.parse("2026-11-23T09:30:11+08:00")),
                entry("completedAt", OffsetDateTime.parse("2026-11-23T10:15:44+08:00")),
                entry("status", "COMPLETED"),
                entry("updatedAt", OffsetDateTime.parse("2026-11-23T10:16:00+08:00")));
        assertThat(result.values()).doesNotContainKey("decidedAt");
    }

    @Test
    void mapsProvincialVerticalRecordToTheStandardCaseRecord() {
        MappingResult result = PROVINCIAL_VERTICAL.map(record("provincial-vertical.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsExactly(
                entry("caseNumber", "62090020261123000123"),
                entry("sourceSystem", "PROVINCIAL_VERTICAL"),
                entry("itemCode", "11620900MB0000000X4000117001"),
                entry("itemName", "企业设立登记"),
                entry("applicantType", "ORGANISATION"),
                entry("applicantName", "酒泉市某某商贸有限公司"),
                entry("idType", "UNIFIED_SOCIAL_CREDIT_CODE"),
                entry("idNumber", "91620900MA7XXXXXXX"),
                entry("acceptingDepartmentCode", "11620900MB0000000X"),
                entry("regionCode", "620900"),
                entry("channel", "ONLINE"),
                entry("submittedAt", OffsetDateTime.parse("2026-11-23T09:15:02+08:00")),
                entry("acceptedAt", OffsetDateTime.parse("2026-11-23T09:30:11+08:00")),
                entry("completedAt", OffsetDateTime.parse("2026-11-23T10:15:44+08:00")),
                entry("committedDeadlineDays", 3L),
                entry("legalDeadlineDays", 15L),
                entry("status", "COMPLETED"),
                entry("result", "APPROVED"),
                entry("updatedAt", OffsetDateTime.parse("2026-11-23T10:16:00+08:00")));
    }

    @Test
    void reportsUnknownStatusCodeAsProblemAndMapsOtherFields() {
        ObjectNode record = (ObjectNode) record("provincial-vertical.json");
        record.put("BLZT", "7");

        MappingResult result = PROVINCIAL_VERTICAL.map(record);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.targetField()).isEqualTo("status");
            assertThat(problem.sourcePath()).isEqualTo("BLZT");
            assertThat(problem.code()).isEqualTo(MappingProblem.Code.UNKNOWN_CODE);
            assertThat(problem.message()).isEqualTo("\"7\" is not in code table 'status' (known: 1, 2, 3, 4, 5, 6, 9)");
        });
        assertThat(result.values()).doesNotContainKey("status").hasSize(18)
                .containsEntry("completedAt", OffsetDateTime.parse("2026-11-23T10:15:44+08:00"));
    }

    @Test
    void reportsEachFaultOfAFaultyProvincialRecordOnItsOwnField() {
        ObjectNode record = (ObjectNode) record("provincial-vertical.json");
        record.remove("SBLSH");                 // no case number
        record.put("SLSJ", "2026-11-23 09:30"); // not the source's format
        record.put("CNBJSX", "三");              // not a number

        MappingResult result = PROVINCIAL_VERTICAL.map(record);

        assertThat(result.problems()).extracting(MappingProblem::targetField, MappingProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("caseNumber", MappingProblem.Code.MISSING_REQUIRED),
                org.assertj.core.groups.Tuple.tuple("acceptedAt", MappingProblem.Code.INVALID_VALUE),
                org.assertj.core.groups.Tuple.tuple("committedDeadlineDays", MappingProblem.Code.INVALID_VALUE));
        assertThat(result.problems().get(1).message())
                .isEqualTo("expected a date-time as yyyyMMddHHmmss, found \"2026-11-23 09:30\"");
        assertThat(result.values()).containsEntry("status", "COMPLETED").hasSize(16);
    }

    @Test
    void mapsSelfBuiltNestedRecordWithEpochMillis() {
        MappingResult result = SELF_BUILT.map(record("self-built-approval.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsExactly(
                entry("caseNumber", "JQ-SCJG-2026-000481"),
                entry("sourceSystem", "SELF_BUILT_APPROVAL"),
                entry("itemCode", "11620900MB0000000X4000117001"),
                entry("itemName", "企业设立登记"),
                entry("applicantType", "ORGANISATION"),
                entry("applicantName", "酒泉市某某商贸有限公司"),
                entry("idType", "UNIFIED_SOCIAL_CREDIT_CODE"),
                entry("idNumber", "91620900MA7XXXXXXX"),
                entry("acceptingDepartmentCode", "11620900MB0000000X"),
                entry("regionCode", "620900"),
                entry("channel", "WINDOW"),
                entry("submittedAt", OffsetDateTime.parse("2026-11-23T09:15:02+08:00")),
                entry("acceptedAt", OffsetDateTime.parse("2026-11-23T09:30:11+08:00")),
                // completedTime is null: the last stage's finish time is the fallback
                entry("completedAt", OffsetDateTime.parse("2026-11-23T10:15:44+08:00")),
                entry("committedDeadlineDays", 3L),
                entry("legalDeadlineDays", 15L),
                entry("status", "COMPLETED"),
                entry("result", "APPROVED"),
                entry("version", 4L),
                entry("updatedAt", OffsetDateTime.parse("2026-11-23T10:16:00+08:00")));
    }

    @Test
    void mapsGbkCsvRowWithChineseHeadersAndValuesIntact() {
        // the file reader's job, done here the simplest way: bytes in GBK, decoded once, split into a header → text row
        Charset gbk = Charset.forName("GBK");
        byte[] file = ("办件编号,事项编码,事项名称,申请人姓名,身份证号,受理部门,受理时间,办结时间,办理状态\n"
                + "JQ2026112300077,11620900MB00000013400011700002,食品经营许可,李某, 620902 19800101 123x ,酒泉市市场监督管理局,"
                + "2026/11/23 9:30,2026/11/23 16:05:09,已办结\n").getBytes(gbk);
        List<String> lines = new String(file, gbk).lines().toList();
        String[] headers = lines.get(0).split(",");
        String[] cells = lines.get(1).split(",");
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i++) {
            row.put(headers[i], cells[i]);
        }

        MappingResult result = PROVINCIAL_CSV.map(row);

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsExactly(
                entry("caseNumber", "JQ2026112300077"),
                entry("sourceSystem", "PROVINCIAL_DAILY_CSV"),
                entry("itemCode", "11620900MB00000013400011700002"),
                entry("itemName", "食品经营许可"),
                entry("applicantType", "PERSON"),
                entry("applicantName", "李某"),
                entry("idType", "RESIDENT_ID"),
                entry("idNumber", "62090219800101123X"),
                entry("acceptingDepartmentCode", "11620900MB00000013"),
                entry("acceptedAt", OffsetDateTime.parse("2026-11-23T09:30:00+08:00")),
                entry("completedAt", OffsetDateTime.parse("2026-11-23T16:05:09+08:00")),
                entry("status", "COMPLETED"));
        assertThat(((String) result.value("itemName")).getBytes(gbk)).isEqualTo("食品经营许可".getBytes(gbk));
    }

    @Test
    void mapsMarketRegulatorAnswerToDataItemsKeyedByItemCode() {
        Mapper answer = MappingConfigs.loadResource("mappings/gateway/market-regulator-licence-answer.yaml").mapper();

        MappingResult result = answer.map(record("market-regulator-licence-answer.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsExactly(
                entry("qymc", "酒泉市某某商贸有限公司"),
                entry("tyshxydm", "91620900MA7XXXXXXX"),
                entry("fddbr", "张某"),
                entry("fddbrsfzh", "62090219800101123X"),
                entry("clrq", LocalDate.of(2015, 3, 12)),
                entry("djzt", "存续"));
    }

    @Test
    void mapsConsumerParametersToProviderRequestParameters() {
        Mapper request = MappingConfigs.loadResource("/mappings/gateway/market-regulator-licence-request.yaml").mapper();

        MappingResult result = request.map(Map.of("tyshxydm", "91620900 ma7xxxxxxx"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.values()).containsExactly(entry("uniscid", "91620900MA7XXXXXXX"), entry("queryType", "1"));
    }

    private static JsonNode record(String name) {
        try (InputStream in = ExampleMappingsTest.class.getResourceAsStream("/records/" + name)) {
            return Configs.json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
