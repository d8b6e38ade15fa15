package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * National identity (国家统一身份认证): the realm brokers an OpenID provider standing for the national platform (a
 * second realm, national-idp, on the same Keycloak). A user who signs in there reaches department systems through the
 * hub without a provincial login form, and opens a second system without any form at all.
 */
class SsoNationalIdentityIT extends SsoIntegrationTest {

    @BeforeEach
    void registerSystems() throws Exception {
        DepartmentSystems.register(hubUrl(), localToken("admin.li", "admin"));
    }

    @Test
    void aUserOfTheNationalPlatformOpensTwoSystemsWithOnlyTheNationalLogin() throws Exception {
        Browser browser = new Browser();
        Browser.Page login = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC + "?idp=national",
                leavesHubAndKeycloak());
        assertThat(login.isLoginForm()).isTrue();
        assertThat(login.uri().toString()).as("the national platform's login").startsWith(keycloak + "/realms/national-idp/");

        Browser.Page handOver = browser.logIn(login, "sun.qi", "Sun.Qi-2026", leavesHubAndKeycloak());

        assertThat(handOver.status()).as(handOver.body()).isEqualTo(200);
        assertThat(Browser.formAction(handOver)).startsWith(DepartmentSystems.base(DepartmentSystems.OIDC));
        var token = claims(Browser.formFields(handOver).get("access_token"));
        assertThat(token.path("iss").asText()).isEqualTo(sso.issuerUri());
        assertThat(token.path("aud").asText()).isEqualTo("dept-social-security");
        assertThat(token.path("preferred_username").asText()).isEqualTo("sun.qi");
        assertThat(token.path("realm_access").path("roles").toString()).contains("citizen");

        Browser.Page legacy = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.LEGACY, leavesHubAndKeycloak());
        assertThat(legacy.status()).isEqualTo(302);
        assertThat(legacy.location()).contains("ticket=ST-");

        assertThat(browser.loginFormsServed()).as("only the national platform's form, once").isEqualTo(1);
        assertThat(browser.history()).filteredOn(Browser.Page::isLoginForm)
                .allMatch(p -> p.uri().toString().startsWith(keycloak + "/realms/national-idp/"));
    }
}
