package org.exchangehub.hub.sso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The department systems of the SSO tests, which the hub does not own: one WireMock answering for all of them (each
 * under its own path), recording what the hub and the browser send them. Registered at the hub through its API.
 */
final class DepartmentSystems {

    static final WireMockServer SERVER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final String OIDC = "social-security";
    static final String LEGACY = "archive";
    static final String OTHER_LEGACY = "archive-copy";

    static {
        SERVER.start();
        SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body>department system</body></html>")));
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private DepartmentSystems() {
    }

    static String base(String system) {
        return "http://127.0.0.1:" + SERVER.port() + "/" + system + "/";
    }

    /** Registers the test systems at the hub as an admin; returns each one's secret. */
    static Map<String, String> register(String hubUrl, String adminToken) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Map<String, Object>> bodies = Map.of(
                OIDC, Map.of("kind", "OIDC", "name", "人社局社会保障服务系统", "audience", "dept-social-security",
                        "launchUrls", List.of(base(OIDC) + "sso/landing", base(OIDC) + "reports"),
                        "logoutUrl", base(OIDC) + "sso/logout"),
                LEGACY, Map.of("kind", "LEGACY", "name", "档案馆查档系统", "launchUrls", List.of(base(LEGACY)),
                        "ticketCallback", base(LEGACY) + "sso/callback",
                        "attributes", Map.of("username", "PLAIN", "name", "MASKED", "id_number", "MASKED",
                                "department_code", "PLAIN", "roles", "PLAIN"),
                        "logoutUrl", base(LEGACY) + "sso/logout"),
                OTHER_LEGACY, Map.of("kind", "LEGACY", "name", "另一个旧系统", "launchUrls", List.of(base(OTHER_LEGACY)),
                        "ticketCallback", base(OTHER_LEGACY) + "sso/callback", "attributes", Map.of("username", "PLAIN")));
        Map<String, String> secrets = new java.util.HashMap<>();
        for (var e : bodies.entrySet()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/sso/systems/" + e.getKey()))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(e.getValue()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("Registering " + e.getKey() + ": " + answer.statusCode() + " " + answer.body());
            }
            JsonNode body = json.readTree(answer.body());
            secrets.put(e.getKey(), body.path("secret").asText());
        }
        return secrets;
    }

    /** What reached a system under a path, newest last. */
    static List<LoggedRequest> received(String system, String path) {
        return SERVER.getAllServeEvents().stream().map(ev -> ev.getRequest())
                .filter(r -> r.getUrl().startsWith("/" + system + "/" + path))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }
}
