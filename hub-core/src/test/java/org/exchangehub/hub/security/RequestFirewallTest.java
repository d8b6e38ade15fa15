package org.exchangehub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.assertj.core.api.Assertions;

class RequestFirewallTest {

    // Spring Security's own expressions (StrictHttpFirewall), which the loops replace
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void judgesEveryCodePointAsSpringSecuritysExpressionsDo() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                continue; // a lone surrogate is not a code point a String decodes to; covered below
            }
            String s = "a" + Character.toString(c) + "b";
            assertThat(RequestFirewall.assignedAndNotControl(s)).as("U+%04X in a name", c).isEqualTo(NAMES.matcher(s).matches());
            assertThat(RequestFirewall.assignedAndNotControlOrTab(s)).as("U+%04X in a value", c).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void judgesLoneSurrogatesAndMixedTextAsSpringSecuritysExpressionsDo() {
        for (String s : new String[] {"", "\uD800", "x\uDC00y", "\uD83D\uDE00 ok", "Bearer eyJ.abc", "tab\there", "line\nbreak",
                "del\u007f", "c1\u0085", "中文 值", "\u0378 unassigned", "nbsp\u00a0", "zero\u200bwidth", "\uFFFF"}) {
            assertThat(RequestFirewall.assignedAndNotControl(s)).as(s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(RequestFirewall.assignedAndNotControlOrTab(s)).as(s).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void rejectsAHeaderWithAControlCharacter() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/shared/1-01/000001/query");
        request.addHeader("X-Note", "bad\u0007value");
        var firewalled = RequestFirewall.strict().getFirewalledRequest(request);
        Assertions.assertThatThrownBy(() -> firewalled.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void passesAnOrdinaryBearerHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/shared/1-01/000001/query");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        assertThat(RequestFirewall.strict().getFirewalledRequest(request).getHeader("Authorization")).startsWith("Bearer ");
    }
}
