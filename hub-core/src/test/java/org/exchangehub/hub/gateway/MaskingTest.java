package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void residentIdNumberKeepsRegionAndLastFour() {
        assertThat(Masking.mask("620102199001011233")).isEqualTo("620102********1233");
    }

    @Test
    void otherValuesShowAtMostAQuarter() {
        assertThat(Masking.mask("13812345678")).isEqualTo("1*********8");
        assertThat(Masking.mask("620102199001011234")).as("not a valid ID number: the general rule").isEqualTo("62**************34");
        assertThat(Masking.mask("酒泉市肃州区解放路")).isEqualTo("酒*******路");
    }

    @Test
    void shortValuesAreHiddenEntirely() {
        assertThat(Masking.mask("张某")).isEqualTo("**");
        assertThat(Masking.mask("1234567")).isEqualTo("*******");
    }
}
