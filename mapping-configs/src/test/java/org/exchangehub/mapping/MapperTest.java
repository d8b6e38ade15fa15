package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.exchangehub.mapping.Configs.fields;
import static org.exchangehub.mapping.Configs.json;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MapperTest {

    private static MappingProblem onlyProblem(MappingResult result) {
        assertThat(result.problems()).hasSize(1);
        return result.problems().getFirst();
    }

    @Nested
    class Dates {

        @Test
        void mapsCompactTimestampInShanghaiZone() {
            Mapper mapper = fields("""
                    submittedAt: {from: SQSJ, type: datetime, format: yyyyMMddHHmmss}
                    """);

            assertThat(mapper.map(json("{\"SQSJ\":\"20261123091502\"}")).value("submittedAt"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02+08:00"));
        }

        @Test
        void readsZoneLessValuesInTheConfiguredZoneAndExpressesThemThere() {
            Mapper mapper = MappingConfigs.parse("""
                    name: t
                    target: data-items
                    zone: Asia/Urumqi
                    fields:
                      local: {from: a, type: datetime, format: "yyyy-MM-dd HH:mm:ss"}
                      utc: {from: a, type: datetime, format: "yyyy-MM-dd HH:mm:ss", zone: UTC}
                    """).mapper();

            MappingResult result = mapper.map(Map.of("a", "2026-11-23 09:15:02"));

            assertThat(result.value("local")).isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02+06:00"));
            // written in UTC by this source, expressed in the config's zone like every other date-time
            assertThat(result.value("utc")).isEqualTo(OffsetDateTime.parse("2026-11-23T15:15:02+06:00"));
        }

        @Test
        void mapsEpochMillisAndEpochSecondsFromNumbersAndText() {
            Mapper mapper = fields("""
                    millis: {from: m, type: datetime, format: epoch-millis}
                    seconds: {from: s, type: datetime, format: epoch-seconds}
                    millisAsText: {from: t, type: datetime, format: epoch-millis}
                    """);

            MappingResult result = mapper.map(json("{\"m\":1795396502000,\"s\":1795396502,\"t\":\"1795396502000\"}"));

            OffsetDateTime expected = OffsetDateTime.parse("2026-11-23T09:15:02+08:00");
            assertThat(result.values()).containsExactly(
                    entry("millis", expected), entry("seconds", expected), entry("millisAsText", expected));
        }

        @Test
        void readsIsoWithOffsetAsTheSameMomentInTheConfiguredZone() {
            Mapper mapper = fields("""
                    at: {from: a, type: datetime}
                    """);

            assertThat(mapper.map(Map.of("a", "2026-11-23T01:15:02Z")).value("at"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02+08:00"));
            assertThat(mapper.map(Map.of("a", "2026-11-23T09:15:02")).value("at"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02+08:00"));
            assertThat(mapper.map(Map.of("a", "2026-11-23")).value("at"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T00:00:00+08:00"));
        }

        @Test
        void triesSeveralFormatsInOrder() {
            Mapper mapper = fields("""
                    at: {from: a, type: datetime, format: ["yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", epoch-millis]}
                    """);

            assertThat(mapper.map(Map.of("a", "2026/11/23 9:30")).value("at"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T09:30:00+08:00"));
            assertThat(mapper.map(Map.of("a", "2026/11/23 19:30:05")).value("at"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T19:30:05+08:00"));
            assertThat(mapper.map(Map.of("a", 1795396502000L)).value("at"))
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02+08:00"));
            assertThat(onlyProblem(mapper.map(Map.of("a", "23.11.2026"))).message()).isEqualTo(
                    "expected a date-time as yyyy/M/d H:mm or yyyy/M/d H:mm:ss or epoch milliseconds, found \"23.11.2026\"");
        }

        @Test
        void reportsImpossibleCalendarDateInsteadOfMovingIt() {
            Mapper mapper = fields("""
                    day: {from: a, type: date, format: yyyyMMdd}
                    """);

            MappingProblem problem = onlyProblem(mapper.map(Map.of("a", "20260230")));

            assertThat(problem.code()).isEqualTo(MappingProblem.Code.INVALID_VALUE);
            assertThat(problem.message()).isEqualTo("expected a date as yyyyMMdd, found \"20260230\"");
        }

        @Test
        void mapsDatesFromCompactTextNumbersAndDateTimes() {
            Mapper mapper = fields("""
                    compact: {from: a, type: date, format: yyyyMMdd}
                    number: {from: b, type: date, format: yyyyMMdd}
                    fromDateTime: {from: c, type: date, format: yyyyMMddHHmmss}
                    iso: {from: d, type: date}
                    """);

            MappingResult result = mapper.map(json("{\"a\":\"20150312\",\"b\":20150312,\"c\":\"20150312235959\",\"d\":\"2015-03-12\"}"));

            assertThat(result.values()).containsOnly(entry("compact", LocalDate.of(2015, 3, 12)), entry("number", LocalDate.of(2015, 3, 12)),
                    entry("fromDateTime", LocalDate.of(2015, 3, 12)), entry("iso", LocalDate.of(2015, 3, 12)));
        }

        @Test
        void takesAWrittenDateAsItIsAndAMomentsDateInTheConfiguredZone() {
            Mapper mapper = fields("""
                    written: {from: a, type: date}
                    moment: {from: b, type: date}
                    epoch: {from: c, type: date, format: epoch-millis}
                    """);

            MappingResult result = mapper.map(json("{\"a\":\"2026-11-23\",\"b\":\"2026-11-22T23:30:00Z\",\"c\":1795365000000}"));

            // 23:30 UTC and 16:30 UTC on the 22nd are the 23rd in Shanghai
            assertThat(result.values()).containsOnly(entry("written", LocalDate.of(2026, 11, 23)),
                    entry("moment", LocalDate.of(2026, 11, 23)), entry("epoch", LocalDate.of(2026, 11, 23)));
        }

        @Test
        void readsDatabaseTimestampsAsWallClockTimeInTheConfiguredZoneWhateverTheJvmZone() {
            Mapper mapper = fields("""
                    fromTimestamp: {from: a, type: datetime}
                    fromLocal: {from: b, type: datetime}
                    fromSqlDate: {from: c, type: date}
                    """);
            TimeZone jvmZone = TimeZone.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
                Map<String, Object> row = new HashMap<>();
                row.put("a", Timestamp.valueOf("2026-11-23 09:15:02")); // what a JDBC driver hands over for a zone-less column
                row.put("b", LocalDateTime.of(2026, 11, 23, 9, 15, 2));
                row.put("c", java.sql.Date.valueOf("2026-11-23"));

                MappingResult result = mapper.map(row);

                OffsetDateTime expected = OffsetDateTime.parse("2026-11-23T09:15:02+08:00");
                assertThat(result.values()).containsOnly(entry("fromTimestamp", expected), entry("fromLocal", expected),
                        entry("fromSqlDate", LocalDate.of(2026, 11, 23)));
            } finally {
                TimeZone.setDefault(jvmZone);
            }
        }
    }

    @Nested
    class Types {

        @Test
        void readsNumbersFromTextAndJsonNumbers() {
            Mapper mapper = fields("""
                    days: {from: a, type: integer}
                    daysAsText: {from: b, type: integer}
                    wholeDecimal: {from: c, type: integer}
                    fee: {from: d, type: decimal}
                    feeAsText: {from: e, type: decimal}
                    """);

            MappingResult result = mapper.map(json("{\"a\":15,\"b\":\" 3 \",\"c\":\"3.0\",\"d\":0.1,\"e\":\"12.50\"}"));

            assertThat(result.values()).containsOnly(entry("days", 15L), entry("daysAsText", 3L), entry("wholeDecimal", 3L),
                    entry("fee", new BigDecimal("0.1")), entry("feeAsText", new BigDecimal("12.50")));
        }

        @Test
        void reportsFractionForAnIntegerField() {
            MappingProblem problem = onlyProblem(fields("days: {from: a, type: integer}").map(json("{\"a\":\"3.5\"}")));

            assertThat(problem).isEqualTo(new MappingProblem("days", "a", MappingProblem.Code.INVALID_VALUE,
                    "expected a whole number, found \"3.5\""));
        }

        @Test
        void readsBooleansInTheUsualSpellings() {
            Mapper mapper = fields("flag: {from: a, type: boolean}");

            assertThat(List.of("true", "Y", "1", "yes", "是").stream().map(v -> mapper.map(Map.of("a", v)).value("flag")))
                    .containsOnly(Boolean.TRUE);
            assertThat(List.of("FALSE", "n", "0", "No", "否").stream().map(v -> mapper.map(Map.of("a", v)).value("flag")))
                    .containsOnly(Boolean.FALSE);
            assertThat(mapper.map(json("{\"a\":true}")).value("flag")).isEqualTo(Boolean.TRUE);
            assertThat(onlyProblem(mapper.map(Map.of("a", "maybe"))).message()).startsWith("expected true/false, 1/0");
        }

        @Test
        void writesNumbersOfAStringFieldAsTheirDigits() {
            Mapper mapper = fields("regionCode: {from: a}");

            assertThat(mapper.map(json("{\"a\":620900}")).value("regionCode")).isEqualTo("620900");
            assertThat(mapper.map(json("{\"a\":0.1}")).value("regionCode")).isEqualTo("0.1");
            assertThat(mapper.map(Map.of("a", 0.1d)).value("regionCode")).isEqualTo("0.1");
        }

        @Test
        void reportsAnObjectWhereAValueWasExpected() {
            MappingProblem problem = onlyProblem(fields("name: {from: applicant}").map(json("{\"applicant\":{\"name\":\"张某\"}}")));

            assertThat(problem.code()).isEqualTo(MappingProblem.Code.WRONG_SHAPE);
            assertThat(problem.message()).isEqualTo("'applicant' is an object, not a single value");
        }

        @Test
        void reportsAPathRunningThroughTextAsWrongShape() {
            MappingProblem problem = onlyProblem(fields("number: {from: applicant.id.number}")
                    .map(json("{\"applicant\":{\"id\":\"620902198001011234\"}}")));

            assertThat(problem.code()).isEqualTo(MappingProblem.Code.WRONG_SHAPE);
            assertThat(problem.message()).isEqualTo("'applicant.id' is text, not an object");
        }
    }

    @Nested
    class Sources {

        @Test
        void followsNestedPathsAndArrays() {
            Mapper mapper = fields("""
                    idNumber: {from: applicant.id.number}
                    firstStage: {from: "stages[0].time"}
                    lastStage: {from: "stages[-1].time"}
                    """);

            MappingResult result = mapper.map(json("""
                    {"applicant":{"id":{"number":"620902198001011234"}},"stages":[{"time":"a"},{"time":"b"},{"time":"c"}]}"""));

            assertThat(result.values()).containsExactly(entry("idNumber", "620902198001011234"),
                    entry("firstStage", "a"), entry("lastStage", "c"));
        }

        @Test
        void takesTheFirstPathWithANonEmptyValue() {
            Mapper mapper = fields("""
                    applicantName: {from: [SQRMC, SQRXM, applicant.name]}
                    """);

            MappingResult result = mapper.map(json("{\"SQRMC\":\"  \",\"SQRXM\":null,\"applicant\":{\"name\":\"张某\"}}"));

            assertThat(result.values()).containsExactly(entry("applicantName", "张某"));
        }

        @Test
        void mapsJsonAndFlatRowsAlike() {
            Mapper mapper = fields("""
                    caseNumber: {from: 办件编号}
                    days: {from: 承诺时限, type: integer}
                    """);

            MappingResult fromJson = mapper.map(json("{\"办件编号\":\"JQ001\",\"承诺时限\":3}"));
            MappingResult fromRow = mapper.map(Map.of("办件编号", "JQ001", "承诺时限", "3"));

            assertThat(fromJson).isEqualTo(fromRow);
            assertThat(fromRow.values()).containsExactly(entry("caseNumber", "JQ001"), entry("days", 3L));
        }

        @Test
        void usesConstantsAndDefaults() {
            Mapper mapper = fields("""
                    sourceSystem: {constant: PROVINCIAL_TAX}
                    legalDays: {from: FDBJSX, type: integer, default: 20}
                    channel: {from: SBQD, default: WINDOW}
                    """);

            assertThat(mapper.map(Map.of("SBQD", "")).values()).containsExactly(
                    entry("sourceSystem", "PROVINCIAL_TAX"), entry("legalDays", 20L), entry("channel", "WINDOW"));
            assertThat(mapper.map(Map.of("FDBJSX", "15", "SBQD", "ONLINE")).values()).containsExactly(
                    entry("sourceSystem", "PROVINCIAL_TAX"), entry("legalDays", 15L), entry("channel", "ONLINE"));
        }

        @Test
        void reportsMissingRequiredFieldAndLeavesOutMissingOptionalOne() {
            Mapper mapper = fields("""
                    caseNumber: {from: SBLSH, required: true}
                    itemName: {from: SXMC}
                    """);

            MappingResult result = mapper.map(Map.of("SBLSH", " "));

            assertThat(result.values()).isEmpty();
            assertThat(result.problems()).containsExactly(new MappingProblem("caseNumber", "SBLSH",
                    MappingProblem.Code.MISSING_REQUIRED, "required, but the record has no value there"));
        }

        @Test
        void namesEveryPathTriedWhenNoneHasARequiredValue() {
            MappingProblem problem = onlyProblem(fields("name: {from: [a, b.c], required: true}").map(Map.of()));

            assertThat(problem.sourcePath()).isEqualTo("a | b.c");
            assertThat(problem.message()).isEqualTo("required, but none of these paths has a value");
        }
    }

    @Nested
    class TextHandling {

        @Test
        void trimsByDefaultIncludingFullWidthSpacesAndKeepsSpacesWhenAsked() {
            Mapper mapper = fields("""
                    trimmed: {from: a}
                    kept: {from: a, trim: false}
                    """);

            MappingResult result = mapper.map(Map.of("a", "\u3000酒泉市 "));

            assertThat(result.values()).containsExactly(entry("trimmed", "酒泉市"), entry("kept", "\u3000酒泉市 "));
        }

        @Test
        void appliesTransformsInOrder() {
            Mapper mapper = fields("""
                    idNumber: {from: a, transforms: [strip-spaces, upper-case]}
                    lower: {from: b, transforms: [lower-case]}
                    phone: {from: c, transforms: [{replace: "^\\\\+?86-?", with: ""}, {replace: "(\\\\d{3})(\\\\d{4})(\\\\d{4})", with: "$1-$2-$3"}]}
                    """);

            MappingResult result = mapper.map(Map.of("a", "620902 19800101\u3000123x", "b", "WINDOW", "c", "+86-13800001111"));

            assertThat(result.values()).containsExactly(entry("idNumber", "62090219800101123X"), entry("lower", "window"),
                    entry("phone", "138-0000-1111"));
        }

        @Test
        void treatsTextEmptiedByTransformsAsNoValue() {
            Mapper mapper = fields("""
                    code: {from: a, transforms: [{replace: "^(无|N/A)$", with: ""}], default: NONE}
                    """);

            assertThat(mapper.map(Map.of("a", "无")).value("code")).isEqualTo("NONE");
        }

        @Test
        void passesGbkDecodedChineseThroughIntact() {
            Charset gbk = Charset.forName("GBK");
            // what a GBK file reader hands over: the text decoded once from the source's bytes
            String name = new String("酒泉市某某商贸有限公司".getBytes(gbk), gbk);
            String status = new String("已办结".getBytes(gbk), gbk);
            Mapper mapper = MappingConfigs.parse("""
                    name: t
                    target: data-items
                    fields:
                      applicantName: {from: 申请人名称, transforms: [strip-spaces, upper-case]}
                      status: {from: 办理状态, codeTable: {codes: {已办结: 办结, 已受理: 受理}}}
                    """).mapper();

            MappingResult result = mapper.map(Map.of("申请人名称", name, "办理状态", status));

            assertThat(result.values()).containsExactly(entry("applicantName", "酒泉市某某商贸有限公司"), entry("status", "办结"));
            assertThat(((String) result.value("applicantName")).getBytes(gbk)).isEqualTo("酒泉市某某商贸有限公司".getBytes(gbk));
        }
    }

    @Nested
    class CodeTables {

        private static final String TABLES = """
                name: t
                target: data-items
                codeTables:
                  status:
                    codes: {"1": SUBMITTED, "2": ACCEPTED, "6": COMPLETED}
                fields:
                  status: {from: BLZT, codeTable: status}
                  previousStatus: {from: SCZT, codeTable: status}
                  channel:
                    from: SBQD
                    codeTable:
                      codes: {"1": ONLINE, "2": WINDOW}
                      onUnknown: pass-through
                  applicantType:
                    from: SQRLX
                    codeTable:
                      codes: {"1": PERSON, "2": ORGANISATION}
                      onUnknown: default
                      default: OTHER
                  urgent:
                    from: JJ
                    type: boolean
                    codeTable: {codes: {加急: true, 普通: false}}
                """;

        private final Mapper mapper = MappingConfigs.parse(TABLES).mapper();

        @Test
        void translatesCodesWithANamedTableReusedByTwoFields() {
            MappingResult result = mapper.map(json("{\"BLZT\":\"6\",\"SCZT\":2}"));

            assertThat(result.values()).containsExactly(entry("status", "COMPLETED"), entry("previousStatus", "ACCEPTED"));
        }

        @Test
        void appliesEachPolicyForUnknownCodes() {
            MappingResult result = mapper.map(Map.of("BLZT", "7", "SBQD", "9", "SQRLX", "3"));

            assertThat(result.values()).containsExactly(entry("channel", "9"), entry("applicantType", "OTHER"));
            assertThat(result.problems()).containsExactly(new MappingProblem("status", "BLZT", MappingProblem.Code.UNKNOWN_CODE,
                    "\"7\" is not in code table 'status' (known: 1, 2, 6)"));
        }

        @Test
        void givesCodeTableValuesTheFieldsType() {
            assertThat(mapper.map(Map.of("JJ", "加急")).value("urgent")).isEqualTo(Boolean.TRUE);
            assertThat(mapper.map(Map.of("JJ", "普通")).value("urgent")).isEqualTo(Boolean.FALSE);
        }

        @Test
        void looksUpNumericCodesWithoutTheirTrailingZeros() {
            assertThat(mapper.map(json("{\"BLZT\":1.0}")).value("status")).isEqualTo("SUBMITTED");
            assertThat(mapper.map(Map.of("BLZT", new BigDecimal("6.00"))).value("status")).isEqualTo("COMPLETED");
        }

        @Test
        void looksUpCodesAfterTrimming() {
            assertThat(mapper.map(Map.of("BLZT", " 1 ")).value("status")).isEqualTo("SUBMITTED");
        }
    }

    @Nested
    class Results {

        @Test
        void keepsMappingOtherFieldsWhenSeveralAreBad() {
            Mapper mapper = fields("""
                    a: {from: a, type: integer}
                    b: {from: b, type: datetime, format: yyyyMMddHHmmss}
                    c: {from: c}
                    d: {from: d.e}
                    """);

            MappingResult result = mapper.map(json("{\"a\":\"x\",\"b\":\"yesterday\",\"c\":\"fine\",\"d\":[1]}"));

            assertThat(result.values()).containsExactly(entry("c", "fine"));
            assertThat(result.problems()).extracting(MappingProblem::targetField).containsExactly("a", "b", "d");
            assertThat(result.hasProblems()).isTrue();
        }

        @Test
        void reportsValuesBeyondWhatJavaCanHoldInsteadOfThrowing() {
            Mapper mapper = fields("""
                    at: {from: a, type: datetime}
                    days: {from: b, type: integer}
                    amount: {from: c, type: decimal}
                    """);

            MappingResult result = mapper.map(json("{\"a\":\"+999999999-12-31T23:59:59-18:00\",\"b\":99999999999999999999,"
                    + "\"c\":\"1e99999999999\"}"));

            assertThat(result.values()).isEmpty();
            assertThat(result.problems()).extracting(MappingProblem::code).containsOnly(MappingProblem.Code.INVALID_VALUE).hasSize(3);
        }

        @Test
        void givesAnUnmodifiableResult() {
            MappingResult result = fields("a: {from: a}").map(Map.of("a", "1"));

            assertThatThrownBy(() -> result.values().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> result.problems().add(null)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void mapsWithOneMapperFromManyThreads() {
            Mapper mapper = fields("""
                    n: {from: n, type: integer}
                    at: {from: t, type: datetime, format: [yyyyMMddHHmmss, epoch-millis]}
                    """);

            List<MappingResult> results = IntStream.range(0, 2_000).parallel()
                    .mapToObj(i -> mapper.map(Map.of("n", String.valueOf(i), "t", "202611230915" + String.format("%02d", i % 60))))
                    .toList();

            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).values()).containsExactly(entry("n", (long) i),
                        entry("at", OffsetDateTime.parse(String.format("2026-11-23T09:15:%02d+08:00", i % 60))));
            }
        }
    }
}
