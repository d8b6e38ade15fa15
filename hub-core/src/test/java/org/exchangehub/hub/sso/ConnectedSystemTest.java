package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectedSystemTest {

    private final ConnectedSystem system = new ConnectedSystem("archive", ConnectedSystem.Kind.LEGACY, "档案", null,
            List.of(URI.create("https://archive.gov.example:8443/app"), URI.create("http://10.0.0.5/legacy/")),
            URI.create("https://archive.gov.example:8443/app/sso/callback"), ConnectedSystem.hash("s3cret"),
            Map.of("username", ConnectedSystem.Exposure.PLAIN), null, ConnectedSystem.Source.API);

    @Test
    void shouldAllowOnlyRegisteredSchemeHostPortAndPathPrefix() {
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/app"))).isTrue();
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/app/cases?id=7"))).isTrue();
        assertThat(system.allows(URI.create("http://10.0.0.5:80/legacy/index.jsp"))).isTrue();

        assertThat(system.allows(URI.create("https://archive.gov.example/app"))).as("other port").isFalse();
        assertThat(system.allows(URI.create("http://archive.gov.example:8443/app"))).as("other scheme").isFalse();
        assertThat(system.allows(URI.create("https://archive.gov.example.evil:8443/app"))).as("other host").isFalse();
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/application"))).as("beside the prefix").isFalse();
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/app/../admin"))).as("dot segments").isFalse();
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/app/%2e%2e/admin"))).as("encoded dots").isFalse();
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/app%2f..%2fadmin"))).as("encoded slash").isFalse();
        assertThat(system.allows(URI.create("https://x@archive.gov.example:8443/app"))).as("user info").isFalse();
        assertThat(system.allows(URI.create("https://archive.gov.example:8443/app#frag"))).as("fragment").isFalse();
        assertThat(system.allows(URI.create("/app"))).as("relative").isFalse();
    }

    @Test
    void shouldCompareSecretsByTheirHashOnly() {
        assertThat(system.secretMatches("s3cret")).isTrue();
        assertThat(system.secretMatches("s3cret ")).isFalse();
        assertThat(system.secretMatches(null)).isFalse();
        assertThat(system.toString()).doesNotContain(system.secretHash());
    }

    @Test
    void shouldNameEveryProblemOfARegistration() {
        ConnectedSystem bad = new ConnectedSystem("Bad Id", ConnectedSystem.Kind.LEGACY, null, null,
                List.of(URI.create("ftp://x/")), URI.create("https://elsewhere/cb"), null,
                Map.of("salary", ConnectedSystem.Exposure.PLAIN), null, ConnectedSystem.Source.API);

        assertThat(bad.problems()).anyMatch(p -> p.startsWith("id:")).anyMatch(p -> p.startsWith("launchUrls:"))
                .anyMatch(p -> p.startsWith("ticketCallback:")).anyMatch(p -> p.startsWith("secret:"))
                .anyMatch(p -> p.contains("unknown attribute salary"));
        assertThat(system.problems()).isEmpty();
    }

    @Test
    void shouldMaskIdentityAttributesAsChineseSystemsExpect() {
        assertThat(AttributeMasking.mask("id_number", "620902199001011234")).isEqualTo("620902********1234");
        assertThat(AttributeMasking.mask("name", "欧阳娜娜")).isEqualTo("欧***");
        assertThat(AttributeMasking.mask("email", "zhang.san@jiuquan.gov.example")).isEqualTo("z********@jiuquan.gov.example");
        assertThat(AttributeMasking.mask("roles", List.of("admin"))).isEqualTo(List.of("admin"));
    }
}
