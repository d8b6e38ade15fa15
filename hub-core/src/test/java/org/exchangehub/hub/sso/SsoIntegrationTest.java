package org.exchangehub.hub.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.hub.HubApplication;
import org.exchangehub.hub.runtime.HubProperties;
import org.exchangehub.hub.security.LocalSigningKey;
import org.exchangehub.hub.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Base of the single sign-on tests: the whole hub with the embedded PostgreSQL, Kafka and Hazelcast, and a real
 * Keycloak from its server distribution with the repository's realms. Keycloak starts once per JVM (the first start
 * unpacks and builds it into target/keycloak, about a minute; later runs take about 12 s) and every SSO test class
 * shares this one application context, and so do the console's browser tests (they extend this class: a second
 * context would want the port Keycloak's redirect URLs name). The scheduled SSO health check is off; tests run it by hand.
 */
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint, which Spring Boot's tests otherwise leave out
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.sso.keycloak.enabled=true",
        "hub.sso.keycloak.port=0",
        "hub.sso.health.enabled=false",
        // one system from configuration (the others register through the API)
        "hub.sso.systems.health-portal.kind=OIDC",
        "hub.sso.systems.health-portal.name=卫健委健康服务系统",
        "hub.sso.systems.health-portal.audience=dept-health",
        "hub.sso.systems.health-portal.launch-urls=http://127.0.0.1:9/health/",
        "hub.sso.systems.health-portal.secret=configured-secret-for-tests"})
public abstract class SsoIntegrationTest {

    static final String REALM = "exchange-hub";
    static final String PORTAL_REDIRECT = "http://127.0.0.1/portal/callback";
    static final MutableClock CLOCK = new MutableClock();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @TestBean(name = "ssoClock", methodName = "testClock")
    SsoClock ssoClock;

    static SsoClock testClock() {
        return new SsoClock(CLOCK);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected HubProperties hub;

    @Autowired
    protected SsoProperties sso;

    @Value("${hub.sso.keycloak.url}")
    String keycloak;

    protected String hubUrl() {
        return "http://127.0.0.1:" + port;
    }

    String oidc() {
        return sso.issuerUri() + "/protocol/openid-connect";
    }

    /** True for URLs outside the hub and Keycloak (the fictional portal, department systems): the browser stops there. */
    java.util.function.Predicate<URI> leavesHubAndKeycloak() {
        return u -> !(u.toString().startsWith(hubUrl()) || u.toString().startsWith(keycloak));
    }

    /** A development token of the hub's local key (the /api chain accepts it beside Keycloak's). */
    protected String localToken(String username, String roles) {
        return LocalSigningKey.inDataDir(hub.dataDir()).issue(username, List.of(roles.split(",")), null, Duration.ofMinutes(30));
    }

    /** The tokens of a portal login. */
    record PortalTokens(String accessToken, String idToken, JsonNode all) {
    }

    /**
     * Signs in at the provincial portal (Keycloak's public client {@code portal}, authorization code with PKCE): the
     * browser is served Keycloak's login form, submits it, and the portal trades the code for tokens.
     */
    PortalTokens portalLogin(Browser browser, String username, String password) throws Exception {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String auth = UriComponentsBuilder.fromUriString(oidc() + "/auth")
                .queryParam("client_id", "portal").queryParam("response_type", "code").queryParam("scope", "openid")
                .queryParam("redirect_uri", PORTAL_REDIRECT).queryParam("state", "portal-state")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .encode().build().toUriString();
        Browser.Page page = browser.open(auth, leavesHubAndKeycloak());
        if (page.isLoginForm()) {
            page = browser.logIn(page, username, password, leavesHubAndKeycloak());
        }
        String location = page.location();
        if (location == null || !location.startsWith(PORTAL_REDIRECT)) {
            throw new AssertionError("The portal login did not come back with a code: " + page + " " + page.body());
        }
        String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
        Browser.Page tokens = browser.post(oidc() + "/token", Map.of("grant_type", "authorization_code", "client_id", "portal",
                "code", code, "redirect_uri", PORTAL_REDIRECT, "code_verifier", verifier), u -> true);
        JsonNode answer = JSON.readTree(tokens.body());
        if (!answer.hasNonNull("access_token")) {
            throw new AssertionError("No portal token: " + tokens.body());
        }
        return new PortalTokens(answer.get("access_token").asText(), answer.get("id_token").asText(), answer);
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static String form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }
}
