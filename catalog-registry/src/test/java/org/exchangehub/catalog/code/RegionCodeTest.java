package org.exchangehub.catalog.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void acceptsProvinceCityAndCountyCodes() {
        assertThat(RegionCode.problem("620000")).isEmpty(); // 甘肃省
        assertThat(RegionCode.problem("620100")).isEmpty(); // 兰州市
        assertThat(RegionCode.problem("620102")).isEmpty(); // 城关区
        assertThat(RegionCode.problem("110105")).isEmpty(); // 朝阳区
        assertThat(RegionCode.problem("429004")).isEmpty(); // 仙桃市, directly under the province
        assertThat(RegionCode.isValid("810000")).isTrue();
        assertThat(RegionCode.isValid("710000")).isTrue();
    }

    @Test
    void rejectsUnusedProvincePart() {
        for (String code : new String[] {"100000", "160000", "240000", "380000", "470000", "550000", "660000", "720000", "830000", "990000", "000000"}) {
            assertThat(RegionCode.problem(code)).as(code)
                    .hasValueSatisfying(p -> assertThat(p).contains("province part"));
        }
    }

    @Test
    void rejectsCountyPartUnderZeroPrefecture() {
        assertThat(RegionCode.problem("620001"))
                .hasValueSatisfying(p -> assertThat(p).contains("county part of 00"));
    }

    @Test
    void rejectsWrongLengthAndNonDigits() {
        assertThat(RegionCode.problem("62010")).hasValueSatisfying(p -> assertThat(p).contains("6-digit").contains("5"));
        assertThat(RegionCode.problem("6201020")).isPresent();
        assertThat(RegionCode.problem("62O102")).hasValueSatisfying(p -> assertThat(p).contains("position 3"));
        assertThat(RegionCode.problem("６２０１０２")).isPresent(); // full-width digits
        assertThat(RegionCode.problem(null)).hasValueSatisfying(p -> assertThat(p).contains("nothing"));
    }

    @Test
    void tellsProvinceOfCode() {
        assertThat(RegionCode.provinceOf("620102")).isEqualTo("620000");
        assertThat(RegionCode.provinceOf("620000")).isEqualTo("620000");
        assertThatThrownBy(() -> RegionCode.provinceOf("990102")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tellsLevelOfCode() {
        assertThat(RegionCode.isProvinceLevel("620000")).isTrue();
        assertThat(RegionCode.isProvinceLevel("620100")).isFalse();
        assertThat(RegionCode.isCityLevel("620100")).isTrue();
        assertThat(RegionCode.isCityLevel("620000")).isFalse();
        assertThat(RegionCode.isCityLevel("620102")).isFalse();
        assertThat(RegionCode.isCountyLevel("620102")).isTrue();
        assertThat(RegionCode.isCountyLevel("620100")).isFalse();
        assertThat(RegionCode.isProvinceLevel("000000")).isFalse();
        assertThat(RegionCode.isCityLevel(null)).isFalse();
    }
}
