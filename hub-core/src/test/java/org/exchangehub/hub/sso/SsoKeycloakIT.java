package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The real Keycloak the hub starts: its realm, a portal login with PKCE, and the hub accepting its tokens. */
class SsoKeycloakIT extends SsoIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void embeddedKeycloakServesTheRepositoryRealmsAndIsHealthy() throws Exception {
        assertThat(sso.issuerUri()).isEqualTo(keycloak + "/realms/" + REALM);
        for (String realm : new String[] {REALM, "national-idp"}) {
            HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                    + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(config.body()).path("issuer").asText()).isEqualTo(keycloak + "/realms/" + realm);
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(health.body()).path("components").path("keycloak").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void portalLoginWithPkceGivesATokenWithRolesDepartmentAndTheHubAsAudience() throws Exception {
        Browser browser = new Browser();
        PortalTokens tokens = portalLogin(browser, "zhang.san", "Zhang.San-2026");

        assertThat(browser.loginFormsServed()).isEqualTo(1);
        JsonNode access = claims(tokens.accessToken());
        assertThat(access.path("iss").asText()).isEqualTo(sso.issuerUri());
        assertThat(access.path("azp").asText()).isEqualTo("portal");
        assertThat(access.path("aud").toString()).contains("\"hub\"");
        assertThat(access.path("realm_access").path("roles").toString()).contains("dept-editor");
        assertThat(access.path("department_code").asText()).isEqualTo("11620900MB00000013");
        assertThat(access.path("preferred_username").asText()).isEqualTo("zhang.san");
        assertThat(access.path("sid").asText()).isNotBlank();
    }

    @Test
    void theHubsApiAcceptsKeycloakTokensBesideItsDevelopmentKey() throws Exception {
        PortalTokens tokens = portalLogin(new Browser(), "li.si", "Li.Si-2026");

        HttpResponse<String> withKeycloak = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems"))
                .header("Authorization", "Bearer " + tokens.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withLocalKey = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems"))
                .header("Authorization", "Bearer " + localToken("admin.li", "admin")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withKeycloak.statusCode()).as(withKeycloak.body()).isEqualTo(200);
        assertThat(withLocalKey.statusCode()).as(withLocalKey.body()).isEqualTo(200);
    }

    @Test
    void systemsComeFromConfigurationAndTheApiAndConfiguredOnesCannotBeOverwritten() throws Exception {
        String admin = localToken("admin.li", "admin");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode configured = null;
        for (JsonNode system : JSON.readTree(list.body())) {
            if (system.path("id").asText().equals("health-portal")) {
                configured = system;
            }
        }
        assertThat(configured).as(list.body()).isNotNull();
        assertThat(configured.path("source").asText()).isEqualTo("CONFIGURATION");
        assertThat(configured.path("audience").asText()).isEqualTo("dept-health");
        assertThat(list.body()).doesNotContain("configured-secret-for-tests").doesNotContain("secretHash");

        HttpResponse<String> overwrite = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems/health-portal"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"OIDC\",\"audience\":\"dept-health\",\"launchUrls\":[\"https://evil.example/\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overwrite.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(overwrite.body()).path("code").asText()).isEqualTo("DUPLICATE");

        HttpResponse<String> notAdmin = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems/other"))
                .header("Authorization", "Bearer " + localToken("zhang.san", "dept-editor")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"OIDC\",\"audience\":\"dept-health\",\"launchUrls\":[\"https://x.example/\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notAdmin.statusCode()).isEqualTo(403);
    }
}
