package org.exchangehub.hub.sso.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKeycloakTest {

    @TempDir
    Path dir;

    @Test
    void shouldSayWhereTheDistributionComesFromWhenItIsMissing() {
        EmbeddedKeycloak.Settings settings = new EmbeddedKeycloak.Settings(dir.resolve("home"), dir.resolve("missing.zip"),
                "26.7.3", 0, "http://127.0.0.1:8080", "exchange-hub");

        assertThatThrownBy(() -> EmbeddedKeycloak.start(settings))
                .isInstanceOf(KeycloakStartException.class)
                .hasMessageContaining("missing.zip")
                .hasMessageContaining("org.keycloak:keycloak-quarkus-dist:26.7.3:zip")
                .hasMessageContaining("HUB_OIDC_ISSUER");
    }

    @Test
    void shouldReportAKeycloakThatExitsWithTheEndOfItsLog() throws Exception {
        // a stand-in distribution whose kc.sh fails as Keycloak does when its port is taken
        Path zip = dir.resolve("fake.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("keycloak-0.0.1-test/bin/kc.sh"));
            out.write("#!/bin/sh\necho 'ERROR: Port(s) already bound: 8180: Address already in use'\nexit 1\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        EmbeddedKeycloak.Settings settings = new EmbeddedKeycloak.Settings(dir.resolve("home"), zip, "0.0.1-test", 0,
                "http://127.0.0.1:8080", "exchange-hub");
        EmbeddedKeycloak keycloak = EmbeddedKeycloak.start(settings);
        try {
            assertThatThrownBy(() -> keycloak.awaitReady(Duration.ofSeconds(30)))
                    .isInstanceOf(KeycloakStartException.class)
                    .hasMessageContaining("exited with status 1")
                    .hasMessageContaining("Address already in use");
            assertThat(dir.resolve("home/data/import")).doesNotExist(); // the rendered secrets are gone
        } finally {
            keycloak.close();
        }
    }

    @Test
    void shouldRenderTheRepositoryRealmsWithEveryPlaceholderFilled() throws IOException {
        Map<String, String> values = Map.of("HUB_URL", "http://127.0.0.1:8080", "HUB_URL_LOCALHOST", "http://localhost:8080",
                "HUB_CLIENT_SECRET", "s1", "KEYCLOAK_URL", "http://127.0.0.1:8180", "NATIONAL_BROKER_SECRET", "s2");
        for (String name : EmbeddedKeycloak.REALM_FILES) {
            String rendered;
            try (InputStream in = getClass().getResourceAsStream("/keycloak/" + name)) {
                rendered = EmbeddedKeycloak.render(new String(in.readAllBytes(), StandardCharsets.UTF_8), values);
            }
            assertThat(rendered).doesNotContain("@@");
            JsonNode realm = new ObjectMapper().readTree(rendered);
            assertThat(realm.path("clientScopes").isMissingNode())
                    .as("declaring clientScopes would drop Keycloak's built-in scopes (sub, preferred_username…)").isTrue();
            realm.path("users").forEach(u -> assertThat(u.path("email").asText() + u.path("firstName").asText()
                    + u.path("lastName").asText()).as("Keycloak wants name and e-mail").isNotBlank());
        }
    }

    @Test
    void shouldMakeANewSecretForEachRandomPlaceholder() {
        String rendered = EmbeddedKeycloak.render("@@RANDOM_SECRET@@ @@RANDOM_SECRET@@", Map.of());
        Set<String> secrets = new HashSet<>(Set.of(rendered.split(" ")));

        assertThat(secrets).hasSize(2).allMatch(s -> s.length() >= 43);
        assertThatThrownBy(() -> EmbeddedKeycloak.render("@@NOPE@@", Map.of())).hasMessageContaining("@@NOPE@@");
    }
}
