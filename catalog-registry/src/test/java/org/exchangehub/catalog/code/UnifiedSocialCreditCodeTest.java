package org.exchangehub.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsKnownValidCode() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y43")).isEmpty();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    void computesCheckCharacterOfKnownCode() {
        assertThat(UnifiedSocialCreditCode.checkCharacterFor("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void acceptsCodeBuiltWithCheckCharacterFor() {
        for (String first17 : new String[] {"91620102MA7XYW123", "12620000438000000", "52110000500000001", "Y1100000000000000"}) {
            String code = first17 + UnifiedSocialCreditCode.checkCharacterFor(first17);
            assertThat(UnifiedSocialCreditCode.problem(code)).as(code).isEmpty();
        }
    }

    @Test
    void checkCharacterCanBeZeroWhenSumIsMultipleOf31() {
        // all-zero prefix: sum 0, so 31 - 0 = 31 wraps to 0
        assertThat(UnifiedSocialCreditCode.checkCharacterFor("00000000000000000")).isEqualTo('0');
        assertThat(UnifiedSocialCreditCode.isValid("000000000000000000")).isTrue();
    }

    @Test
    void rejectsCodeWithWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44"))
                .hasValueSatisfying(p -> assertThat(p).contains("expected check character '3'").contains("'4'"));
    }

    @Test
    void rejectsSingleCharacterTypo() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000101Y43")).isFalse();
    }

    @Test
    void rejectsWrongLength() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y4"))
                .hasValueSatisfying(p -> assertThat(p).contains("18-character").contains("17"));
        assertThat(UnifiedSocialCreditCode.problem("")).isPresent();
        assertThat(UnifiedSocialCreditCode.problem(null)).hasValueSatisfying(p -> assertThat(p).contains("nothing"));
    }

    @Test
    void rejectsLettersOutsideAlphabet() {
        for (char c : new char[] {'I', 'O', 'Z', 'S', 'V'}) {
            String code = "91350100M00010" + c + "Y43";
            assertThat(UnifiedSocialCreditCode.problem(code)).as(code)
                    .hasValueSatisfying(p -> assertThat(p).contains("position 15").contains("never used"));
        }
    }

    @Test
    void rejectsLowerCaseLetters() {
        assertThat(UnifiedSocialCreditCode.problem("91350100m000100Y43"))
                .hasValueSatisfying(p -> assertThat(p).contains("upper-case"));
    }

    @Test
    void rejectsLetterInRegionPart() {
        String first17 = "9135A100M000100Y4";
        String code = first17 + UnifiedSocialCreditCode.checkCharacterFor(first17);
        assertThat(UnifiedSocialCreditCode.problem(code))
                .hasValueSatisfying(p -> assertThat(p).contains("region code in positions 3-8").contains("position 5"));
    }

    @Test
    void checkCharacterForRejectsBadPrefix() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacterFor("123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17");
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacterFor("91350100M000100O4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'O'");
    }
}
