package org.exchangehub.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.exchangehub.catalog.code.ResidentIdNumber;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;
import org.exchangehub.hub.demo.DemoCases.DemoCase;
import org.exchangehub.hub.demo.DemoCases.Fault;
import org.junit.jupiter.api.Test;

class DemoCasesTest {

    private static final LocalDateTime ACCEPTED = LocalDateTime.of(2026, 11, 23, 9, 30, 11);
    private static final LocalDateTime COMPLETED = LocalDateTime.of(2026, 11, 23, 10, 15, 44);

    @Test
    void shouldMakeValidIdNumbersAndCreditCodes() {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            assertThat(ResidentIdNumber.isValid(DemoPeople.residentId(random))).isTrue();
            assertThat(UnifiedSocialCreditCode.isValid(DemoPeople.companyCreditCode(random))).isTrue();
        }
        DemoCompanies.all().forEach(c -> {
            assertThat(UnifiedSocialCreditCode.isValid(c.creditCode())).isTrue();
            assertThat(ResidentIdNumber.isValid(c.legalRepresentativeId())).isTrue();
        });
        assertThat(DemoCompanies.byCreditCode(DemoCompanies.UNKNOWN_CREDIT_CODE)).isEmpty();
    }

    @Test
    void shouldBreakTheCheckCharacterOnly() {
        String id = DemoPeople.residentId(new Random(7));
        String wrong = DemoPeople.withWrongCheckCharacter(id);
        assertThat(wrong).hasSize(18).startsWith(id.substring(0, 17)).isNotEqualTo(id);
        assertThat(ResidentIdNumber.isValid(wrong)).isFalse();
    }

    @Test
    void shouldCarryEveryFaultOfTheScenariosAtFullRateAndNoneAtZero() {
        Random random = new Random(3);
        Set<Fault> seen = EnumSet.noneOf(Fault.class);
        for (int i = 0; i < 300; i++) {
            DemoCase c = DemoCases.next(random, "C" + i, DemoCity.ITEMS, false, ACCEPTED, COMPLETED, 1.0);
            seen.add(c.fault());
            switch (c.fault()) {
                case WRONG_CHECK_CHARACTER -> assertThat(c.organisation() ? UnifiedSocialCreditCode.isValid(c.idNumber())
                        : ResidentIdNumber.isValid(c.idNumber())).isFalse();
                case UNKNOWN_ITEM -> assertThat(c.itemCode()).isEqualTo(DemoCases.UNKNOWN_ITEM_CODE);
                case COMPLETED_BEFORE_ACCEPTED -> assertThat(c.completedAt()).isBefore(c.acceptedAt());
                case COMPLETED_WITHOUT_TIME -> assertThat(c.completedAt()).isNull();
                default -> {
                }
            }
        }
        assertThat(seen).isEqualTo(EnumSet.complementOf(EnumSet.of(Fault.NONE)));
        for (int i = 0; i < 100; i++) {
            DemoCase c = DemoCases.next(random, "C" + i, DemoCity.ITEMS, false, ACCEPTED, COMPLETED, 0.0);
            assertThat(c.fault()).isEqualTo(Fault.NONE);
            assertThat(c.organisation() ? UnifiedSocialCreditCode.isValid(c.idNumber()) : ResidentIdNumber.isValid(c.idNumber())).isTrue();
        }
    }

    @Test
    void shouldShapeTheProvincialVerticalRecordLikeScenarios() {
        DemoCase c = DemoCases.next(new Random(5), "62090020261123000123", DemoCity.ITEMS.subList(0, 1), false, ACCEPTED, COMPLETED, 0.0);
        var n = DemoCases.provincialVertical(c);
        assertThat(n.path("SBLSH").asText()).isEqualTo("62090020261123000123");
        assertThat(n.path("SXBM").asText()).isEqualTo(DemoCity.ENTERPRISE_REGISTRATION);
        assertThat(n.path("SLSJ").asText()).isEqualTo("20261123093011");
        assertThat(n.path("BJSJ").asText()).isEqualTo("20261123101544");
        assertThat(n.path("BLZT").asText()).isEqualTo("6");
        assertThat(n.path("GXSJ").asText()).isEqualTo("20261123101644");
        DemoCase open = DemoCases.next(new Random(5), "X", DemoCity.ITEMS.subList(0, 1), false, ACCEPTED, null, 0.0);
        var update = DemoCases.provincialVertical(open.completed(COMPLETED));
        assertThat(update.path("GXSJ").asText()).isGreaterThan(DemoCases.provincialVertical(open).path("GXSJ").asText());
    }

    @Test
    void shouldWriteTheDailyFileRowWithChineseHeadersAndDepartmentNames() {
        DemoCase c = DemoCases.next(new Random(9), "620900D20261123001", DemoCity.ITEMS.subList(7, 8), true, ACCEPTED, COMPLETED, 0.0);
        var row = DemoCases.dailyFileRow(c);
        assertThat(row.keySet()).containsExactlyElementsOf(DemoCases.DAILY_HEADER);
        assertThat(row.get("受理部门")).isEqualTo("酒泉市卫生健康委员会");
        assertThat(row.get("受理时间")).isEqualTo("2026/11/23 9:30");
        assertThat(row.get("办理状态")).isEqualTo("已办结");
    }
}
