package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Item 8 of the SSO issue: each attack refused with a clear problem+json answer: a replayed ticket, an expired one, a
 * ticket presented by another system, a token with the wrong audience, a tampered token, a launch to an unregistered
 * URL.
 */
class SsoSecurityIT extends SsoIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<String, String> secrets;
    private Browser browser;

    @BeforeEach
    void signIn() throws Exception {
        secrets = DepartmentSystems.register(hubUrl(), localToken("admin.li", "admin"));
        browser = new Browser();
        portalLogin(browser, "zhang.san", "Zhang.San-2026");
    }

    private String ticketFor(String system) {
        Browser.Page callback = browser.open(hubUrl() + "/sso/launch/" + system, leavesHubAndKeycloak());
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        return SsoLaunchIT.ticketOf(callback);
    }

    private HttpResponse<String> redeem(String system, String secret, String ticket) throws Exception {
        String basic = Base64.getEncoder().encodeToString((system + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/sso/tickets/redeem"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    @Test
    void aReplayedTicketIsRefused() throws Exception {
        String ticket = ticketFor(DepartmentSystems.LEGACY);
        assertThat(redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), ticket).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), ticket);

        assertProblem(replay, 409, "SSO_TICKET_USED");
        assertThat(replay.body()).contains("already redeemed");
    }

    @Test
    void anExpiredTicketIsRefused() throws Exception {
        String ticket = ticketFor(DepartmentSystems.LEGACY);
        CLOCK.advance(Duration.ofSeconds(61));
        HttpResponse<String> late;
        try {
            late = redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), ticket);
        } finally {
            CLOCK.advance(Duration.ofSeconds(-61));
        }
        assertProblem(late, 410, "SSO_TICKET_EXPIRED");
    }

    @Test
    void aTicketPresentedByAnotherSystemIsRefusedAndVoid() throws Exception {
        String ticket = ticketFor(DepartmentSystems.LEGACY);

        HttpResponse<String> stolen = redeem(DepartmentSystems.OTHER_LEGACY, secrets.get(DepartmentSystems.OTHER_LEGACY), ticket);
        HttpResponse<String> rightfulAfterwards = redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), ticket);

        assertProblem(stolen, 403, "SSO_TICKET_OTHER_SYSTEM");
        assertProblem(rightfulAfterwards, 409, "SSO_TICKET_USED");
    }

    @Test
    void redeemingNeedsTheSystemsSecretAndARealTicket() throws Exception {
        String ticket = ticketFor(DepartmentSystems.LEGACY);

        assertProblem(redeem(DepartmentSystems.LEGACY, "not-the-secret", ticket), 401, "SSO_SYSTEM_UNAUTHENTICATED");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/sso/tickets/redeem"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ticket=" + ticket)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "SSO_SYSTEM_UNAUTHENTICATED");
        assertProblem(redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), "ST-made-up"), 400, "SSO_TICKET_UNKNOWN");
        // the refused attempts did not use the ticket up
        assertThat(redeem(DepartmentSystems.LEGACY, secrets.get(DepartmentSystems.LEGACY), ticket).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedByTheHub() throws Exception {
        String exchanged = Browser.formFields(browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC,
                leavesHubAndKeycloak())).get("access_token");
        assertThat(claims(exchanged).path("aud").asText()).isEqualTo("dept-social-security");

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems"))
                .header("Authorization", "Bearer " + exchanged).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertThat(answer.body()).contains("aud");
    }

    @Test
    void aTamperedTokenIsRefusedByTheHub() throws Exception {
        PortalTokens tokens = portalLogin(new Browser(), "zhang.san", "Zhang.San-2026");
        String[] parts = tokens.accessToken().split("\\.");
        ObjectNode payload = (ObjectNode) claims(tokens.accessToken());
        payload.putObject("realm_access").putArray("roles").add("admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload))
                + "." + parts[2];

        HttpResponse<String> genuine = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems"))
                .header("Authorization", "Bearer " + tokens.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(URI.create(hubUrl() + "/api/sso/systems"))
                .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertProblem(tampered, 401, "UNAUTHENTICATED");
        assertThat(tampered.body()).containsIgnoringCase("signature");
    }

    @Test
    void aLaunchToAnUnregisteredUrlIsRefusedBeforeAnyTokenIsIssued() throws Exception {
        String base = DepartmentSystems.base(DepartmentSystems.OIDC); // http://127.0.0.1:<port>/social-security/
        URI registered = URI.create(base);
        String[] refused = {
                "https://evil.example/social-security/sso/landing",                                  // another host
                "https://127.0.0.1:" + registered.getPort() + "/social-security/sso/landing",           // another scheme
                "http://127.0.0.1:" + (registered.getPort() + 1) + "/social-security/sso/landing",      // another port
                base + "sso/landing-evil",                                                             // beside, not under, the path
                base + "sso/landing/../../../archive/",                                                // walks out of it
                base + "sso/landing/%2e%2e/%2e%2e/archive/",                                           // the same, encoded
                "http://user@127.0.0.1:" + registered.getPort() + "/social-security/sso/landing",       // user info
        };
        for (String target : refused) {
            Browser.Page page = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC + "?target="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8), leavesHubAndKeycloak());
            assertThat(page.status()).as(target + " → " + page.body()).isEqualTo(400);
            assertThat(JSON.readTree(page.body()).path("code").asText()).isEqualTo("SSO_LAUNCH_URL_NOT_REGISTERED");
            assertThat(page.body()).doesNotContain("access_token");
        }
        Browser.Page allowed = browser.open(hubUrl() + "/sso/launch/" + DepartmentSystems.OIDC + "?target="
                + URLEncoder.encode(base + "reports/monthly", StandardCharsets.UTF_8), leavesHubAndKeycloak());
        assertThat(Browser.formAction(allowed)).isEqualTo(base + "reports/monthly");
        assertThat(browser.open(hubUrl() + "/sso/launch/no-such-system", leavesHubAndKeycloak()).status()).isEqualTo(404);
    }
}
