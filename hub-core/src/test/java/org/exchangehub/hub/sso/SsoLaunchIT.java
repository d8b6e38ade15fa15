package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 指标23, no second login: a user signs in once at the portal and then opens an OIDC system and a legacy system through
 * the hub; the browser follows every redirect with its cookie jar and is never served a login form again.
 */
class SsoLaunchIT extends SsoIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> secrets;

    @BeforeEach
    void registerSystems() throws Exception {
        secrets = DepartmentSystems.register(hubUrl(), localToken("admin.li", "admin"));
    }

    @Test
    void oneLoginAtThePortalOpensAnOidcAndALegacySystemWithoutASecondLogin() throws Exception {
        Browser browser = new Browser();
        PortalTokens portal = portalLogin(browser, "zhang.san", "Zhang.San-2026");
        assertThat(browser.loginFormsServed()).as("the portal login").isEqualTo(1);
        int afterPortal = browser.history().size();

        // 1. the OIDC system: hub → Keycloak (session cookie, no form) → hub → hand-over form → the system
        Browser.Page handOver = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak());
        assertThat(handOver.status()).as(handOver.body()).isEqualTo(200);
        assertThat(Browser.formAction(handOver)).isEqualTo(DepartmentSystems.base(DepartmentSystems.OIDC) + "sso/landing");
        assertThat(handOver.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(browser.history().subList(afterPortal, browser.history().size()))
                .as("the hub signed the user in at Keycloak without a form")
                .anyMatch(p -> p.uri().toString().startsWith(sso.issuerUri() + "/protocol/openid-connect/auth"))
                .noneMatch(Browser.Page::isLoginForm);
        Browser.Page landed = browser.submitForm(handOver, u -> false);
        assertThat(landed.body()).contains("department system");

        LoggedRequest delivered = DepartmentSystems.received(DepartmentSystems.OIDC, "sso/landing").getLast();
        assertThat(delivered.getMethod().getName()).isEqualTo("POST");
        assertThat(delivered.getUrl()).doesNotContain("token"); // never in the URL
        String token = UriComponentsBuilder.fromUriString("/?" + delivered.getBodyAsString()).build()
                .getQueryParams().getFirst("access_token");
        Jwt verified = departmentSystemVerifier("dept-social-security").decode(java.net.URLDecoder.decode(token, "UTF-8"));
        assertThat(verified.getAudience()).containsExactly("dept-social-security");
        assertThat(verified.getSubject()).isEqualTo(claims(portal.accessToken()).path("sub").asText());
        assertThat(verified.getClaimAsString("sid")).isEqualTo(claims(portal.accessToken()).path("sid").asText());
        assertThat(verified.getClaimAsString("azp")).isEqualTo("hub");
        assertThat(verified.getClaims()).doesNotContainKey("id_number");

        // 2. the legacy system: a one-time ticket by redirect, redeemed server to server
        Browser.Page callback = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.LEGACY, leavesHubAndKeycloak());
        assertThat(callback.status()).isEqualTo(302);
        String ticket = ticketOf(callback);
        assertThat(callback.location()).startsWith(DepartmentSystems.base(DepartmentSystems.LEGACY) + "sso/callback?ticket=ST-");
        assertThat(ticket.length()).as("at least 128 random bits").isGreaterThanOrEqualTo(3 + 43);
        browser.open(callback.location());

        HttpResponse<String> redeemed = redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), ticket);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        JsonNode attributes = JSON.readTree(redeemed.body()).path("attributes");
        assertThat(attributes.path("username").asText()).isEqualTo("zhang.san");
        assertThat(attributes.path("department_code").asText()).isEqualTo("11620900MB00000013");
        assertThat(attributes.path("id_number").asText()).isEqualTo("620902********1234");
        assertThat(attributes.path("name").asText()).isEqualTo("S********");
        assertThat(attributes.path("roles").toString()).contains("dept-editor");
        assertThat(attributes.has("email")).as("not granted to this system").isFalse();

        // one login form in the whole walk: the portal's
        assertThat(browser.loginFormsServed()).isEqualTo(1);
    }

    @Test
    void openingTheSameSystemAgainReusesTheExchangedTokenUntilShortlyBeforeItExpires() throws Exception {
        Browser browser = new Browser();
        portalLogin(browser, "zhang.san", "Zhang.San-2026");
        String first = Browser.formFields(browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak()))
                .get("access_token");
        String second = Browser.formFields(browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak()))
                .get("access_token");
        CLOCK.advance(java.time.Duration.ofSeconds(290)); // Keycloak's tokens live 300 s; the margin is 30 s
        String third;
        try {
            third = Browser.formFields(browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak()))
                    .get("access_token");
        } finally {
            CLOCK.advance(java.time.Duration.ofSeconds(-290));
        }

        assertThat(second).isEqualTo(first);
        assertThat(third).isNotEqualTo(first);
        assertThat(browser.loginFormsServed()).isEqualTo(1);
    }

    @Test
    void aUserWithoutAnySessionIsSentToKeycloaksLoginFormAndThenLandsInTheSystem() throws Exception {
        Browser browser = new Browser();
        Browser.Page login = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak());
        assertThat(login.isLoginForm()).isTrue();

        Browser.Page handOver = browser.logIn(login, "li.si", "Li.Si-2026", leavesHubAndKeycloak());

        assertThat(Browser.formAction(handOver)).startsWith(DepartmentSystems.base(DepartmentSystems.OIDC));
        assertThat(claims(Browser.formFields(handOver).get("access_token")).path("preferred_username").asText()).isEqualTo("li.si");
    }

    HttpResponse<String> redeem(String system, String secret, String ticket) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString((system + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/sso/tickets/redeem"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("ticket", ticket)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String ticketOf(Browser.Page callback) {
        return UriComponentsBuilder.fromUriString(callback.location()).build().getQueryParams().getFirst("ticket");
    }

    /** How a department system checks what it was handed: Keycloak's keys, the realm as issuer, itself as audience. */
    NimbusJwtDecoder departmentSystemVerifier(String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(oidc() + "/certs").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(sso.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience))));
        return decoder;
    }
}
