package org.exchangehub.hub.console.returnflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PayloadMaskingTest {

    private final PayloadMasking masking = new PayloadMasking(new ObjectMapper());

    @Test
    void masksResidentIdNumbersValidOrNotAndPrettyPrintsJson() {
        String shown = masking.show("{\"caseNo\":\"JQ-1\",\"applicant\":{\"id\":{\"number\":\"62090219800307123X\"}},"
                + "\"broken\":\"620902198003071231\",\"old\":\"620902800307123\"}");
        assertThat(shown).contains("620902********123X").contains("620902********1231").contains("620902*****7123")
                .doesNotContain("19800307").contains("\n  \"caseNo\" : \"JQ-1\"");
    }

    @Test
    void leavesCreditCodesTimestampsAndCaseNumbersAlone() {
        String shown = masking.show("{\"dept\":\"11620900MB00000013\",\"time\":1763860800000,\"caseNo\":\"JQ-SCJG-20261123000001\"}");
        assertThat(shown).contains("11620900MB00000013").contains("1763860800000").contains("JQ-SCJG-20261123000001");
    }

    @Test
    void showsARecordThatIsNotJsonAsReceivedButMasked() {
        assertThat(masking.show("SBLSH,SQRZJHM\nA-1,62090219800307123X")).isEqualTo("SBLSH,SQRZJHM\nA-1,620902********123X");
    }

    @Test
    void masksWhatCouldBeMappedToo() {
        assertThat(masking.show((Object) Map.of("idNumber", "62090219800307123X"))).contains("620902********123X");
    }
}
