package org.exchangehub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class HeaderBearerTokensTest {

    private final HeaderBearerTokens fast = new HeaderBearerTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void findsTheTokenOfABearerHeader() {
        assertThat(fast.resolve(request("Bearer abc.DEF-_~+/xyz=="))).isEqualTo("abc.DEF-_~+/xyz==");
        assertThat(fast.resolve(request("bearer abc"))).isEqualTo("abc");
    }

    @Test
    void leavesOtherSchemesAndMissingHeadersAlone() {
        assertThat(fast.resolve(new MockHttpServletRequest("GET", "/"))).isNull();
        assertThat(fast.resolve(request("Basic dXNlcjpwdw=="))).isNull();
        assertThat(fast.resolve(request("Bear"))).isNull();
    }

    @Test
    void rejectsMalformedBearerTokens() {
        for (String bad : new String[] {"Bearer", "Bearer ", "Bearer a b", "Bearer =abc", "Bearer abc=d", "Bearerabc", "Bearer  abc",
                "Bearer abc\n", "Bearer 中文"}) {
            assertThatThrownBy(() -> fast.resolve(request(bad))).as(bad).isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void agreesWithSpringSecuritysResolverOnRandomHeaders() {
        Random random = new Random(42);
        String alphabet = "Bbearer ER=aZ09-._~+/ \t%:中";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "Bearer " : "bearer ");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String h = header.toString();
            assertThat(outcome(() -> fast.resolve(request(h)))).as("[%s]", h).isEqualTo(outcome(() -> spring.resolve(request(h))));
        }
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/shared/1-01/000001/query");
        request.addHeader("Authorization", authorization);
        return request;
    }
}
