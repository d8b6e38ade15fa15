package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config with faults is refused whole, each fault named by file, YAML path and line, with what was expected. */
class ConfigCheckTest {

    private static final String CASE_RECORD_HEAD = """
            name: t
            target: case-record
            fields:
              caseNumber: {from: SBLSH}
              sourceSystem: {constant: PROVINCIAL}
              itemCode: {from: SXBM}
              status: {from: BLZT}
            """;

    private static List<ConfigProblem> problemsOf(String yaml) {
        MappingConfigException e = catchThrowableOfType(MappingConfigException.class, () -> MappingConfigs.parse(yaml, "t.yaml"));
        assertThat(e).as("the config is refused").isNotNull();
        return e.problems();
    }

    private static ConfigProblem onlyProblemOf(String yaml) {
        List<ConfigProblem> problems = problemsOf(yaml);
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Nested
    class AgainstTheSchema {

        @Test
        void rejectsConfigWithUnknownTypeNamingThePath() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      qymc: {from: entName}
                      clrq:
                        from: estDate
                        type: timestamp
                    """);

            assertThat(problem).isEqualTo(new ConfigProblem("t.yaml", "fields.clrq.type", 7,
                    "\"timestamp\" is not one of string, integer, decimal, boolean, date, datetime"));
            assertThat(problem.toString())
                    .isEqualTo("t.yaml:7: fields.clrq.type: \"timestamp\" is not one of string, integer, decimal, boolean, date, datetime");
        }

        @Test
        void rejectsUnknownKeyListingTheKnownOnes() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      status: {from: BLZT, codetable: status}
                    """);

            assertThat(problem.path()).isEqualTo("fields.status.codetable");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).isEqualTo("unknown key; expected one of description, from, constant, type, required, "
                    + "default, trim, transforms, codeTable, format, zone");
        }

        @Test
        void rejectsConfigWithoutNameTargetOrFields() {
            assertThat(problemsOf("description: nothing else\n")).extracting(ConfigProblem::message)
                    .containsExactlyInAnyOrder("'name' is missing", "'target' is missing", "'fields' is missing");
        }

        @Test
        void rejectsUnknownTargetAndMalformedName() {
            assertThat(problemsOf("""
                    name: Licence Answer
                    target: items
                    fields:
                      qymc: {from: entName}
                    """)).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("name", "\"Licence Answer\" does not match ^[a-z0-9][a-z0-9-]*$"),
                    org.assertj.core.groups.Tuple.tuple("target", "\"items\" is not one of case-record, data-items, request-parameters"));
        }

        @Test
        void rejectsCodeTableWhoseDefaultPolicyHasNoDefault() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      channel:
                        from: SBQD
                        codeTable: {codes: {"1": ONLINE}, onUnknown: default}
                    """);

            assertThat(problem.path()).isEqualTo("fields.channel.codeTable");
            assertThat(problem.message()).startsWith("'default' is missing");
        }

        @Test
        void rejectsSourcePathOfTheWrongKind() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      qymc: {from: 3}
                    """);

            assertThat(problem.message()).isEqualTo("expected string or array, found number 3");
        }
    }

    @Nested
    class WhenCompiling {

        @Test
        void rejectsMalformedSourcePath() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      fddbr: {from: [data.legalPerson.name, "data..legalPerson"]}
                    """);

            assertThat(problem.path()).isEqualTo("fields.fddbr.from[1]");
            assertThat(problem.message()).startsWith("\"data..legalPerson\" is not a source path: empty name at character 6;");
        }

        @Test
        void rejectsInvalidDatePatternNamingThePath() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      clrq: {from: estDate, type: date, format: "yyyy-MM-dd bb"}
                    """);

            assertThat(problem.path()).isEqualTo("fields.clrq.format");
            assertThat(problem.message()).startsWith("\"yyyy-MM-dd bb\" is not a date pattern (Unknown pattern letter: b)");
        }

        @Test
        void rejectsTheUsualSlipsInDatePatterns() {
            List<ConfigProblem> problems = problemsOf("""
                    name: t
                    target: data-items
                    fields:
                      weekYear: {from: a, type: date, format: YYYYMMdd}
                      dayOfYear: {from: a, type: date, format: yyyyMMDD}
                      minutesForMonth: {from: a, type: date, format: yyyy-mm-dd}
                      twelveHours: {from: a, type: datetime, format: "yyyy-MM-dd hh:mm"}
                      noDate: {from: a, type: datetime, format: "HH:mm:ss"}
                    """);

            assertThat(problems).extracting(ConfigProblem::message).containsExactly(
                    "\"YYYYMMdd\": 'Y' is the week-based year, which differs from the year around New Year; use 'y'",
                    "\"yyyyMMDD\": 'D' is the day of the year; use 'd' for the day of the month",
                    "\"yyyy-mm-dd\": 'm' is minutes and the pattern has no hours; use 'M' for the month",
                    "\"yyyy-MM-dd hh:mm\": 'h' is the 12-hour clock and the pattern has no AM/PM ('a'); use 'H' for hours 0–23",
                    "\"HH:mm:ss\" does not give a whole date; it needs a year (yyyy), a month (MM) and a day (dd)");
        }

        @Test
        void rejectsUnknownZone() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    zone: Beijing
                    fields:
                      qymc: {from: entName}
                    """);

            assertThat(problem).isEqualTo(new ConfigProblem("t.yaml", "zone", 3,
                    "\"Beijing\" is not a time zone; write an IANA zone id such as Asia/Shanghai, or an offset such as +08:00"));
        }

        @Test
        void rejectsZoneOnAFieldWithoutTime() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      clrq: {from: estDate, type: date, format: yyyyMMdd, zone: UTC}
                    """);

            assertThat(problem.path()).isEqualTo("fields.clrq.zone");
            assertThat(problem.message()).isEqualTo("applies only to datetime fields; this field is date");
        }

        @Test
        void rejectsFormatOnAFieldThatIsNotADate() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      qymc: {from: entName, format: yyyyMMdd}
                    """);

            assertThat(problem.path()).isEqualTo("fields.qymc.format");
            assertThat(problem.message()).isEqualTo("applies only to date and datetime fields; this field is string");
        }

        @Test
        void rejectsBadRegularExpressionAndMissingGroup() {
            assertThat(problemsOf("""
                    name: t
                    target: data-items
                    fields:
                      a: {from: a, transforms: [{replace: "(", with: ""}]}
                      b: {from: b, transforms: [{replace: "(\\\\d+)", with: "$2"}]}
                    """)).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("fields.a.transforms[0].replace",
                            "\"(\" is not a regular expression: Unclosed group at character 2"),
                    org.assertj.core.groups.Tuple.tuple("fields.b.transforms[0].with",
                            "\"$2\" refers to group 2, but the pattern has 1"));
        }

        @Test
        void rejectsReferenceToAnUnknownCodeTable() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    codeTables:
                      status: {codes: {"1": SUBMITTED}}
                      channel: {codes: {"1": ONLINE}}
                    fields:
                      zt: {from: BLZT, codeTable: statsu}
                    """);

            assertThat(problem).isEqualTo(new ConfigProblem("t.yaml", "fields.zt.codeTable", 7,
                    "no code table named 'statsu' under codeTables; the tables are status, channel"));
        }

        @Test
        void rejectsCodeTableValuesThatAreNotTheFieldsType() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    codeTables:
                      days: {codes: {A: "3", B: three}}
                    fields:
                      cnsx: {from: CNSX, type: integer, codeTable: days}
                    """);

            assertThat(problem).isEqualTo(new ConfigProblem("t.yaml", "codeTables.days.codes.B", 4,
                    "expected a whole number, found \"three\" (for fields.cnsx)"));
        }

        @Test
        void rejectsTableDefaultWithoutTheDefaultPolicy() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      channel: {from: SBQD, codeTable: {codes: {"1": ONLINE}, default: WINDOW}}
                    """);

            assertThat(problem.path()).isEqualTo("fields.channel.codeTable.default");
            assertThat(problem.message()).isEqualTo("is used only with 'onUnknown: default'; this table's unknown codes are problems");
        }

        @Test
        void rejectsConstantAndDefaultOfTheWrongType() {
            assertThat(problemsOf("""
                    name: t
                    target: data-items
                    fields:
                      days: {constant: many, type: integer}
                      since: {from: a, type: date, default: "2026/11/23"}
                    """)).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("fields.days.constant", "expected a whole number, found \"many\""),
                    org.assertj.core.groups.Tuple.tuple("fields.since.default", "expected a date as ISO-8601, found \"2026/11/23\""));
        }

        @Test
        void rejectsFieldWithBothOrNeitherFromAndConstant() {
            assertThat(problemsOf("""
                    name: t
                    target: data-items
                    fields:
                      both: {from: a, constant: b}
                      neither: {type: string}
                    """)).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("fields.both", "give either 'from' or 'constant', not both"),
                    org.assertj.core.groups.Tuple.tuple("fields.neither",
                            "needs 'from' (where the value is in the source record) or 'constant' (a fixed value)"));
        }

        @Test
        void reportsEveryFaultOfAConfigAtOnce() {
            List<ConfigProblem> problems = problemsOf("""
                    name: t
                    target: data-items
                    fields:
                      a: {from: "a..b"}
                      b: {from: b, type: date, format: YYYY}
                      c: {from: c, codeTable: nothing}
                    """);

            assertThat(problems).extracting(ConfigProblem::path)
                    .containsExactly("fields.a.from", "fields.b.format", "fields.c.codeTable");
        }
    }

    @Nested
    class CaseRecordConfigs {

        @Test
        void acceptsAMinimalCaseRecordConfigAndTakesStandardTypes() {
            MappingConfig config = MappingConfigs.parse(CASE_RECORD_HEAD + """
                      submittedAt: {from: SQSJ, format: yyyyMMddHHmmss}
                      legalDeadlineDays: {from: FDBJSX}
                    """);

            MappingResult result = config.mapper().map(java.util.Map.of("SBLSH", "1", "SXBM", "X", "BLZT", "ACCEPTED",
                    "SQSJ", "20261123091502", "FDBJSX", "15"));

            assertThat(result.problems()).isEmpty();
            assertThat(result.value("submittedAt")).isEqualTo(java.time.OffsetDateTime.parse("2026-11-23T09:15:02+08:00"));
            assertThat(result.value("legalDeadlineDays")).isEqualTo(15L);
        }

        @Test
        void rejectsFieldNotInTheStandardCaseRecordSuggestingTheNearestOne() {
            ConfigProblem problem = onlyProblemOf(CASE_RECORD_HEAD + """
                      submitedAt: {from: SQSJ}
                    """);

            assertThat(problem.path()).isEqualTo("fields.submitedAt");
            assertThat(problem.message()).startsWith("not a field of the standard case record (did you mean submittedAt?); "
                    + "its fields are caseNumber, sourceSystem, itemCode,");
        }

        @Test
        void rejectsCaseRecordConfigThatLeavesOutMandatoryFields() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: case-record
                    fields:
                      caseNumber: {from: SBLSH}
                      itemName: {from: SXMC}
                    """);

            assertThat(problem).isEqualTo(new ConfigProblem("t.yaml", "fields", 4, "the standard case record needs caseNumber, "
                    + "sourceSystem, itemCode and status; not mapped: sourceSystem, itemCode, status"));
        }

        @Test
        void rejectsTypeOtherThanTheStandardFieldsType() {
            ConfigProblem problem = onlyProblemOf(CASE_RECORD_HEAD + """
                      submittedAt: {from: SQSJ, type: string}
                    """);

            assertThat(problem.path()).isEqualTo("fields.submittedAt.type");
            assertThat(problem.message()).isEqualTo("the standard case record's submittedAt is datetime, not string "
                    + "(leave 'type' out to take the standard one)");
        }

        @Test
        void rejectsStatusCodeThatIsNotAStandardStatus() {
            ConfigProblem problem = onlyProblemOf(CASE_RECORD_HEAD.replace("status: {from: BLZT}",
                    "status: {from: BLZT, codeTable: {codes: {\"1\": SUBMITTED, \"2\": ACCEPTD}}}"));

            assertThat(problem.path()).isEqualTo("fields.status.codeTable.codes.2");
            assertThat(problem.message()).isEqualTo("\"ACCEPTD\" is not a standard status; expected one of ACCEPTED, COMPLETED, "
                    + "DECIDED, DELIVERED, SUBMITTED, UNDER_REVIEW, WITHDRAWN");
        }

        @Test
        void rejectsOptionalMandatoryField() {
            ConfigProblem problem = onlyProblemOf(CASE_RECORD_HEAD.replace("caseNumber: {from: SBLSH}",
                    "caseNumber: {from: SBLSH, required: false}"));

            assertThat(problem.path()).isEqualTo("fields.caseNumber.required");
        }

        @Test
        void requiresMandatoryFieldsWhenMapping() {
            MappingResult result = MappingConfigs.parse(CASE_RECORD_HEAD).mapper().map(java.util.Map.of("SXBM", "X", "BLZT", "A"));

            assertThat(result.problems()).extracting(MappingProblem::targetField, MappingProblem::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("caseNumber", MappingProblem.Code.MISSING_REQUIRED));
        }
    }

    @Nested
    class Files {

        @Test
        void rejectsInvalidYamlGivingTheLine() {
            ConfigProblem problem = onlyProblemOf("name: t\ntarget: data-items\nfields:\n  a: {from: a\n  b: {from: b}\n");

            assertThat(problem.path()).isEmpty();
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).startsWith("is not valid YAML: ");
        }

        @Test
        void rejectsTheSameKeyTwice() {
            ConfigProblem problem = onlyProblemOf("""
                    name: t
                    target: data-items
                    fields:
                      status: {from: BLZT}
                      status: {from: ZT}
                    """);

            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.message()).isEqualTo("is not valid YAML: Duplicate field 'status'");
        }

        @Test
        void rejectsEmptyText() {
            assertThat(onlyProblemOf("").message()).isEqualTo("is empty; a mapping config needs name, target and fields");
        }

        @Test
        void namesTheFileInTheErrorMessage(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("broken.yaml");
            java.nio.file.Files.writeString(file, "name: t\ntarget: data-items\nfields:\n  a: {from: a, type: text}\n");

            MappingConfigException e = catchThrowableOfType(MappingConfigException.class, () -> MappingConfigs.load(file));

            assertThat(e.getMessage()).isEqualTo("Invalid mapping config: " + file
                    + ":4: fields.a.type: \"text\" is not one of string, integer, decimal, boolean, date, datetime");
        }

        @Test
        void rejectsConfigSavedInGbk(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("gbk.yaml");
            java.nio.file.Files.write(file, "name: t\ntarget: data-items\nfields:\n  qymc: {from: 企业名称}\n"
                    .getBytes(Charset.forName("GBK")));

            MappingConfigException e = catchThrowableOfType(MappingConfigException.class, () -> MappingConfigs.load(file));

            assertThat(e.problems()).singleElement().extracting(ConfigProblem::message)
                    .isEqualTo("is not UTF-8 text; save mapping configs as UTF-8");
        }

        @Test
        void readsAConfigWithChineseKeysFromAUtf8File(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("utf8.yaml");
            java.nio.file.Files.write(file, "\uFEFFname: t\ntarget: data-items\nfields:\n  企业名称: {from: 企业名称}\n"
                    .getBytes(StandardCharsets.UTF_8));

            MappingConfig config = MappingConfigs.load(file);

            assertThat(config.targetFields()).containsExactly("企业名称");
            assertThat(config.origin()).isEqualTo(file.toString());
        }

        @Test
        void reportsMissingFileAndResource(@TempDir Path dir) {
            assertThat(catchThrowableOfType(MappingConfigException.class, () -> MappingConfigs.load(dir.resolve("none.yaml")))
                    .problems()).singleElement().extracting(ConfigProblem::message).asString().startsWith("NoSuchFileException");
            assertThat(catchThrowableOfType(MappingConfigException.class, () -> MappingConfigs.loadResource("mappings/none.yaml"))
                    .getMessage()).isEqualTo("Invalid mapping config: classpath:mappings/none.yaml: no such resource on the classpath");
        }

        @Test
        void loadsADirectoryReportingFaultsOfAllFilesAndDuplicateNames(@TempDir Path dir) throws Exception {
            java.nio.file.Files.writeString(dir.resolve("a.yaml"), "name: same\ntarget: data-items\nfields:\n  a: {from: a}\n");
            java.nio.file.Files.createDirectories(dir.resolve("sub"));
            java.nio.file.Files.writeString(dir.resolve("sub/b.yml"), "name: same\ntarget: data-items\nfields:\n  b: {from: b}\n");
            java.nio.file.Files.writeString(dir.resolve("sub/c.yaml"), "name: c\ntarget: data-items\nfields:\n  c: {from: c, type: x}\n");
            java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a config");

            MappingConfigException e = catchThrowableOfType(MappingConfigException.class, () -> MappingConfigs.loadDirectory(dir));

            assertThat(e.problems()).extracting(ConfigProblem::origin, ConfigProblem::path).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(dir.resolve("sub/b.yml").toString(), "name"),
                    org.assertj.core.groups.Tuple.tuple(dir.resolve("sub/c.yaml").toString(), "fields.c.type"));
            assertThat(e.problems().getFirst().message()).isEqualTo("\"same\" is also the name of " + dir.resolve("a.yaml")
                    + "; each config needs its own name");
        }
    }
}
