package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Logging out of the portal ends the hub's session (Keycloak's back-channel logout reaches the hub) and the systems the
 * session opened are told.
 */
class SsoLogoutIT extends SsoIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> secrets;

    @Autowired
    SsoSessions sessions;

    @BeforeEach
    void registerSystems() throws Exception {
        secrets = DepartmentSystems.register(hubUrl(), localToken("admin.li", "admin"));
    }

    @Test
    void loggingOutOfThePortalEndsTheHubSessionAndTellsTheSystemsItOpened() throws Exception {
        Browser browser = new Browser();
        PortalTokens portal = portalLogin(browser, "zhang.san", "Zhang.San-2026");
        String sid = claims(portal.accessToken()).path("sid").asText();
        assertThat(browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak()).status()).isEqualTo(200);
        assertThat(browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.LEGACY, leavesHubAndKeycloak()).status()).isEqualTo(302);
        int toldBefore = DepartmentSystems.received(DepartmentSystems.OIDC, "sso/logout").size();

        // the portal logs the user out at Keycloak (RP-initiated logout with its ID token)
        String logout = UriComponentsBuilder.fromUriString(oidc() + "/logout").queryParam("id_token_hint", portal.idToken())
                .queryParam("client_id", "portal").queryParam("post_logout_redirect_uri", PORTAL_REDIRECT)
                .encode().build().toUriString();
        Browser.Page afterLogout = browser.open(logout, leavesHubAndKeycloak());
        assertThat(afterLogout.location()).startsWith(PORTAL_REDIRECT);

        // Keycloak told the hub: its session is over
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.hasEnded(sid));
        Browser.Page again = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC, leavesHubAndKeycloak());
        assertThat(again.isLoginForm()).as("a new login is needed: " + again).isTrue();

        // and the hub told both systems the session opened, with a logout token each can check with its secret
        await().atMost(Duration.ofSeconds(20)).until(() ->
                DepartmentSystems.received(DepartmentSystems.OIDC, "sso/logout").size() > toldBefore
                        && !DepartmentSystems.received(DepartmentSystems.LEGACY, "sso/logout").isEmpty());
        for (String system : new String[] {DepartmentSystems.OIDC, DepartmentSystems.LEGACY}) {
            String body = DepartmentSystems.received(system, "sso/logout").getLast().getBodyAsString();
            SignedJWT token = SignedJWT.parse(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            assertThat(token.verify(new MACVerifier(HexFormat.of().parseHex(ConnectedSystem.hash(secrets.get(system)))))).isTrue();
            assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(system);
            assertThat(token.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(sid);
            assertThat(token.getJWTClaimsSet().getJSONObjectClaim("events")).containsKey(BackchannelLogoutController.EVENT);
        }
    }

    @Test
    void aForgedLogoutTokenIsRefused() throws Exception {
        String forged = "eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4In0.";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/sso/backchannel-logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + forged)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("SSO_LOGOUT_TOKEN_INVALID");
        assertThat(sessions.hasEnded("x")).isFalse();
    }
}
