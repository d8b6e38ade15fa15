package org.exchangehub.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacterFor(first17);
    }

    @Test
    void acceptsKnownValidNumberWithXCheckCharacter() {
        assertThat(ResidentIdNumber.problem("11010519491231002X")).isEmpty();
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
    }

    @Test
    void computesCheckCharacterOfStandardExample() {
        // the worked example of GB 11643-1999 (440524 18800101 001 → 4)
        assertThat(ResidentIdNumber.checkCharacterFor("44052418800101001")).isEqualTo('4');
        assertThat(ResidentIdNumber.checkCharacterFor("11010519491231002")).isEqualTo('X');
    }

    @Test
    void acceptsNumbersBuiltWithCheckCharacterFor() {
        for (String first17 : new String[] {"62010219900101123", "62010220000229456", "81000019850615001", "83000019700101002"}) {
            String id = withCheck(first17);
            assertThat(ResidentIdNumber.problem(id)).as(id).isEmpty();
        }
    }

    @Test
    void rejectsNumberWithWrongCheckCharacter() {
        assertThat(ResidentIdNumber.problem("110105194912310020"))
                .hasValueSatisfying(p -> assertThat(p).contains("expected check character 'X'").contains("'0'"));
    }

    @Test
    void rejectsLowerCaseX() {
        assertThat(ResidentIdNumber.problem("11010519491231002x"))
                .hasValueSatisfying(p -> assertThat(p).contains("upper-case X"));
    }

    @Test
    void rejectsWrongLengthAndNonDigits() {
        assertThat(ResidentIdNumber.problem("110105194912310")).hasValueSatisfying(p -> assertThat(p).contains("18-character"));
        assertThat(ResidentIdNumber.problem("1101051949123100XX")).hasValueSatisfying(p -> assertThat(p).contains("position 17"));
        assertThat(ResidentIdNumber.problem(null)).hasValueSatisfying(p -> assertThat(p).contains("nothing"));
    }

    @Test
    void rejectsBadRegionPrefix() {
        assertThat(ResidentIdNumber.problem(withCheck("99010519491231002")))
                .hasValueSatisfying(p -> assertThat(p).contains("region code in positions 1-6"));
        assertThat(ResidentIdNumber.problem(withCheck("11000119491231002")))
                .hasValueSatisfying(p -> assertThat(p).contains("region code in positions 1-6"));
    }

    @Test
    void rejectsImpossibleBirthDate() {
        assertThat(ResidentIdNumber.problem(withCheck("62010219900230123")))
                .hasValueSatisfying(p -> assertThat(p).contains("real birth date").contains("19900230"));
        assertThat(ResidentIdNumber.problem(withCheck("62010219011301123"))).isPresent();
        assertThat(ResidentIdNumber.problem(withCheck("62010219010229123"))).isPresent(); // 1901 not a leap year
    }

    @Test
    void acceptsExactlyTheBirthDatesAStrictCalendarParseAccepts() {
        var strict = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(java.time.format.ResolverStyle.STRICT);
        LocalDate farFuture = LocalDate.of(9999, 12, 31);
        int checked = 0;
        for (int year : new int[] {1900, 1999, 2000, 2023, 2024, 2100}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String birth = String.format("%04d%02d%02d", year, month, day);
                    boolean real;
                    try {
                        LocalDate.parse(birth, strict);
                        real = true;
                    } catch (java.time.DateTimeException e) {
                        real = false;
                    }
                    boolean refused = ResidentIdNumber.problem(withCheck("620102" + birth + "123"), farFuture)
                            .filter(p -> p.contains("real birth date")).isPresent();
                    assertThat(refused).as(birth).isEqualTo(!real);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(6 * 14 * 33);
    }

    @Test
    void rejectsBirthDateBefore1900() {
        assertThat(ResidentIdNumber.problem("440524188001010014"))
                .hasValueSatisfying(p -> assertThat(p).contains("not before 1900-01-01"));
    }

    @Test
    void rejectsBirthDateInTheFuture() {
        LocalDate today = LocalDate.of(2025, 6, 30);
        assertThat(ResidentIdNumber.problem(withCheck("62010220250630123"), today)).isEmpty();
        assertThat(ResidentIdNumber.problem(withCheck("62010220250701123"), today))
                .hasValueSatisfying(p -> assertThat(p).contains("not in the future"));
        assertThat(ResidentIdNumber.isValid(withCheck("62010221000101123"))).isFalse();
    }

    @Test
    void masksMiddleDigits() {
        assertThat(ResidentIdNumber.mask("620102199001011234")).isEqualTo("620102********1234");
        assertThat(ResidentIdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(ResidentIdNumber.mask("1234567890")).isEqualTo("**********");
        assertThat(ResidentIdNumber.mask("")).isEmpty();
        assertThat(ResidentIdNumber.mask(null)).isNull();
    }

    @Test
    void checkCharacterForRejectsBadPrefix() {
        assertThatThrownBy(() -> ResidentIdNumber.checkCharacterFor("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17");
        assertThatThrownBy(() -> ResidentIdNumber.checkCharacterFor("1101051949123100X"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits");
    }
}
