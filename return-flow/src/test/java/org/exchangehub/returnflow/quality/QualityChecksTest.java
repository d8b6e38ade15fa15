package org.exchangehub.returnflow.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.catalog.code.ResidentIdNumber;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.mapping.Mapper;
import org.exchangehub.mapping.MappingConfigs;
import org.exchangehub.returnflow.record.IncomingRecord;
import org.exchangehub.returnflow.record.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/** Every quality rule, one record at a time, against the provincial vertical system's real mapping config. */
class QualityChecksTest {

    static final String ITEM = "11620900MB0000000X4000117001";
    static final String DEPARTMENT = "11620900MB00000013";
    static final String PERSON_ID = first17("62090219900307123") ;
    static final String COMPANY_CODE = uscc("91620900MA7ABCDEF");

    static final ObjectMapper JSON = new ObjectMapper();
    static final Mapper PROVINCIAL = MappingConfigs.loadResource("mappings/case-record/provincial-vertical.yaml").mapper();
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T04:00:00Z"), ZoneId.of("UTC")); // Friday 12:00 in Beijing

    final Set<String> items = new HashSet<>(Set.of(ITEM));
    final Set<String> departments = new HashSet<>(Set.of(DEPARTMENT));
    final ReferenceData reference = new ReferenceData() {
        @Override
        public Set<String> knownItems(Collection<String> codes) {
            Set<String> s = new HashSet<>(codes);
            s.retainAll(items);
            return s;
        }

        @Override
        public Set<String> knownDepartments(Collection<String> codes) {
            Set<String> s = new HashSet<>(codes);
            s.retainAll(departments);
            return s;
        }
    };
    final QualityChecks checks = new QualityChecks(reference, new QualitySettings(
            new WorkingDayCalendar(List.of(LocalDate.of(2027, 1, 1)), List.of(LocalDate.of(2026, 11, 29))), Duration.ofMinutes(5), NOW));

    static String first17(String first17) {
        return first17 + ResidentIdNumber.checkCharacterFor(first17);
    }

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacterFor(first17);
    }

    /** A clean provincial record (SCENARIOS.md source 1) of a person, completed the same day. */
    static ObjectNode valid() {
        ObjectNode r = JSON.createObjectNode();
        r.put("SBLSH", "62090020261123000123");
        r.put("SXBM", ITEM);
        r.put("SXMC", "企业设立登记");
        r.put("SQRLX", "1");
        r.put("SQRMC", "张三");
        r.put("SQRZJLX", "10");
        r.put("SQRZJHM", PERSON_ID);
        r.put("SLBMDM", DEPARTMENT);
        r.put("XZQHDM", "620900");
        r.put("SBQD", "1");
        r.put("SQSJ", "20261123091502");
        r.put("SLSJ", "20261123093011");
        r.put("BJSJ", "20261123101544");
        r.put("CNBJSX", "3");
        r.put("FDBJSX", "15");
        r.put("BLZT", "6");
        r.put("BJJG", "1");
        r.put("GXSJ", "20261123101600");
        return r;
    }

    CheckedRecord check(ObjectNode record) {
        return check(record, QualityProfile.DEFAULT);
    }

    CheckedRecord check(ObjectNode record, QualityProfile profile) {
        return checks.check(PROVINCIAL, profile, List.of(IncomingRecord.of(record.toString(), record, Map.of()))).get(0);
    }

    static List<String> rules(CheckedRecord c) {
        return c.reasons().stream().map(Reason::rule).toList();
    }

    @Test
    void shouldPassACleanRecord() {
        CheckedRecord c = check(valid());
        assertThat(c.reasons()).isEmpty();
        assertThat(c.passed()).isTrue();
        assertThat(c.overdue()).isNull();
        assertThat(c.record().caseNumber()).isEqualTo("62090020261123000123");
        assertThat(c.record().status()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldFailAnUnreadableRecordWithItsReason() {
        CheckedRecord c = checks.check(PROVINCIAL, QualityProfile.DEFAULT,
                List.of(IncomingRecord.unreadable("{not json", "not JSON: Unexpected character", Map.of("offset", 7)))).get(0);
        assertThat(rules(c)).containsExactly("UNREADABLE");
        assertThat(c.reasons().get(0).en()).contains("not JSON");
        assertThat(c.reasons().get(0).zh()).startsWith("记录无法解析");
    }

    @Test
    void shouldNameAMissingMandatoryFieldAsRequired() {
        ObjectNode r = valid();
        r.remove("SXBM");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("REQUIRED_FIELD");
        assertThat(c.reasons().get(0).field()).isEqualTo("itemCode");
        assertThat(c.reasons().get(0).en()).isEqualTo("itemCode: required, but SXBM has no value");
    }

    @Test
    void shouldRequireTheFieldsOfTheSourcesRuleSet() {
        ObjectNode r = valid();
        r.remove("SQRMC");
        assertThat(check(r).reasons()).extracting(Reason::rule, Reason::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("REQUIRED_FIELD", "applicantName"));
        assertThat(check(r, new QualityProfile(Set.of(), List.of())).reasons()).isEmpty();
    }

    @Test
    void shouldFailAnUnreadableDateAsInvalidValue() {
        ObjectNode r = valid();
        r.put("SLSJ", "2026-11-23 09:30");
        CheckedRecord c = check(r);
        assertThat(rules(c)).contains("INVALID_VALUE");
        Reason reason = c.reasons().stream().filter(x -> x.rule().equals("INVALID_VALUE")).findFirst().orElseThrow();
        assertThat(reason.field()).isEqualTo("acceptedAt");
        assertThat(reason.en()).contains("yyyyMMddHHmmss").contains("SLSJ");
    }

    @Test
    void shouldFailAStatusCodeNotInTheCodeTable() {
        ObjectNode r = valid();
        r.put("BLZT", "7");
        CheckedRecord c = check(r);
        assertThat(rules(c)).contains("UNKNOWN_CODE");
        assertThat(c.reasons().get(0).field()).isEqualTo("status");
    }

    @Test
    void shouldFailAnItemCodeTheRegistryDoesNotKnow() {
        ObjectNode r = valid();
        r.put("SXBM", "11620900MB0000000X4000999999");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("ITEM_UNKNOWN");
        assertThat(c.reasons().get(0).en()).contains("11620900MB0000000X4000999999");
        items.add("11620900MB0000000X4000999999");
        assertThat(check(r).reasons()).as("known once registered").isEmpty();
    }

    @Test
    void shouldFailAnUnknownAcceptingDepartment() {
        ObjectNode r = valid();
        r.put("SLBMDM", "11620900MB0000000X");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("DEPARTMENT_UNKNOWN");
        assertThat(c.reasons().get(0).field()).isEqualTo("acceptingDepartmentCode");
    }

    @Test
    void shouldFailAResidentIdWithAWrongCheckCharacter() {
        ObjectNode r = valid();
        char wrong = PERSON_ID.charAt(17) == '1' ? '2' : '1';
        r.put("SQRZJHM", PERSON_ID.substring(0, 17) + wrong);
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("ID_NUMBER_INVALID");
        assertThat(c.reasons().get(0).en()).contains("check character '" + PERSON_ID.charAt(17) + "'");
        assertThat(c.reasons().get(0).zh()).doesNotContain(PERSON_ID.substring(6, 14)); // masked in Chinese text
    }

    @Test
    void shouldFailAResidentIdWithoutARealBirthDate() {
        ObjectNode r = valid();
        r.put("SQRZJHM", first17("62090219900230123")); // 30 February
        assertThat(rules(check(r))).containsExactly("ID_NUMBER_INVALID");
        assertThat(check(r).reasons().get(0).en()).contains("real birth date");
    }

    @Test
    void shouldCheckAnIdByApplicantTypeWhenTheIdTypeIsMissing() {
        ObjectNode r = valid();
        r.remove("SQRZJLX");
        r.put("SQRZJHM", PERSON_ID.substring(0, 17) + (PERSON_ID.charAt(17) == '1' ? '2' : '1'));
        assertThat(rules(check(r))).containsExactly("ID_NUMBER_INVALID");
    }

    @Test
    void shouldFailAnOrganisationsCreditCodeWithAWrongCheckCharacter() {
        ObjectNode r = valid();
        r.put("SQRLX", "2");
        r.put("SQRZJLX", "01");
        r.put("SQRZJHM", COMPANY_CODE);
        assertThat(check(r).reasons()).isEmpty();
        r.put("SQRZJHM", "91620900MA7XXXXXXX"); // the sample record of SCENARIOS.md
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("CREDIT_CODE_INVALID");
        assertThat(c.reasons().get(0).en()).startsWith("idNumber: expected check character");
    }

    @Test
    void shouldFailAnInvalidRegionCode() {
        ObjectNode r = valid();
        r.put("XZQHDM", "990900");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("REGION_CODE_INVALID");
        assertThat(c.reasons().get(0).field()).isEqualTo("regionCode");
    }

    @Test
    void shouldFailACompletionBeforeAcceptance() {
        ObjectNode r = valid();
        r.put("BJSJ", "20261123092000"); // before SLSJ 09:30:11
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("TIME_ORDER");
        assertThat(c.reasons().get(0).field()).isEqualTo("completedAt");
        assertThat(c.reasons().get(0).en()).contains("not before acceptedAt");
    }

    @Test
    void shouldFailATimeInTheFuture() {
        ObjectNode r = valid();
        r.put("BJSJ", "20261127130000"); // 13:00 Beijing, an hour after now
        r.put("GXSJ", "20261127100000");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("TIME_IN_FUTURE");
        assertThat(c.reasons().get(0).field()).isEqualTo("completedAt");
        r.put("BJSJ", "20261127120300"); // three minutes ahead: clock skew, tolerated
        assertThat(check(r).reasons()).isEmpty();
    }

    @Test
    void shouldFailACompletedCaseWithoutCompletionTime() {
        ObjectNode r = valid();
        r.remove("BJSJ");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("STATUS_INCONSISTENT");
        assertThat(c.reasons().get(0).field()).isEqualTo("completedAt");
    }

    @Test
    void shouldFailAnOpenCaseWithACompletionTime() {
        ObjectNode r = valid();
        r.put("BLZT", "2");
        CheckedRecord c = check(r);
        assertThat(rules(c)).containsExactly("STATUS_INCONSISTENT");
        assertThat(c.reasons().get(0).field()).isEqualTo("status");
    }

    @Test
    void shouldFailAnAcceptedCaseWithoutAcceptanceTime() {
        ObjectNode r = valid();
        r.remove("SLSJ");
        CheckedRecord c = check(r, new QualityProfile(Set.of(), List.of()));
        assertThat(rules(c)).containsExactly("STATUS_INCONSISTENT");
        assertThat(c.reasons().get(0).field()).isEqualTo("acceptedAt");
    }

    @Test
    void shouldGiveEveryReasonOfARecordAtOnce() {
        ObjectNode r = valid();
        r.put("SXBM", "UNKNOWN-ITEM");
        r.put("SQRZJHM", PERSON_ID.substring(0, 17) + (PERSON_ID.charAt(17) == '1' ? '2' : '1'));
        r.put("BJSJ", "20261123092000");
        assertThat(rules(check(r))).containsExactlyInAnyOrder("ITEM_UNKNOWN", "ID_NUMBER_INVALID", "TIME_ORDER");
    }

    @Test
    void shouldNotApplyADisabledRule() {
        ObjectNode r = valid();
        r.put("XZQHDM", "990900");
        assertThat(check(r, new QualityProfile(Set.of(QualityRule.REGION_CODE_INVALID), QualityProfile.DEFAULT_REQUIRED)).reasons())
                .isEmpty();
    }

    @Test
    void shouldFlagACaseCompletedAfterItsCommittedDeadlineAsYellowWithoutRejectingIt() {
        ObjectNode r = valid();
        r.put("SLSJ", "20261120093011"); // Friday; 3 working days: Mon 23, Tue 24, Wed 25
        r.put("SQSJ", "20261120091502");
        r.put("BJSJ", "20261126101544"); // Thursday: one working day late
        CheckedRecord c = check(r);
        assertThat(c.passed()).isTrue();
        assertThat(c.overdue()).isEqualTo(new Overdue(Overdue.Card.YELLOW, LocalDate.of(2026, 11, 25), 1));
    }

    @Test
    void shouldFlagACaseCompletedAfterItsLegalDeadlineAsRed() {
        ObjectNode r = valid();
        r.put("SQSJ", "20261101091502");
        r.put("SLSJ", "20261102093011"); // Monday; 15 working days end Monday 23 November
        r.put("BJSJ", "20261126101544");
        CheckedRecord c = check(r);
        assertThat(c.passed()).isTrue();
        assertThat(c.overdue().card()).isEqualTo(Overdue.Card.RED);
        assertThat(c.overdue().deadline()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(c.overdue().workingDaysLate()).isEqualTo(3);
    }

    @Test
    void shouldCountAWorkedWeekendDayTowardsTheDeadline() {
        ObjectNode r = valid();
        r.put("SQSJ", "20261127091502");
        r.put("SLSJ", "20261127093011"); // Friday 27; Sunday 29 is worked (调休): Sun 29, Mon 30, Tue 1 December
        r.put("BJSJ", "20261127101544");
        assertThat(check(r).overdue()).isNull();
        assertThat(new WorkingDayCalendar(List.of(), List.of(LocalDate.of(2026, 11, 29)))
                .deadline(LocalDate.of(2026, 11, 27), 3)).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
