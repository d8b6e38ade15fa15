package org.exchangehub.hub.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The synthetic SSO check: per system, availability and latency through the API and as Prometheus metrics. */
class SsoHealthIT extends SsoIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;

    @BeforeEach
    void registerSystems() throws Exception {
        admin = localToken("admin.li", "admin");
        DepartmentSystems.register(hubUrl(), admin);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hubUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode of(JsonNode results, String system) {
        for (JsonNode r : results) {
            if (r.path("systemId").asText().equals(system)) {
                return r;
            }
        }
        throw new AssertionError("No result for " + system + " in " + results);
    }

    @Test
    void everyConnectedSystemIsCheckedWithAnExchangeOrTicketAndItsLaunchUrl() throws Exception {
        String broken = "http://127.0.0.1:" + closedPort() + "/gone/";
        assertThat(call("PUT", "/api/sso/systems/unreachable", admin, JSON.writeValueAsString(Map.of("kind", "OIDC",
                "audience", "dept-health", "launchUrls", List.of(broken)))).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/sso/systems/unknown-audience", admin, JSON.writeValueAsString(Map.of("kind", "OIDC",
                "audience", "dept-not-in-the-realm", "launchUrls", List.of(DepartmentSystems.base("x"))))).statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> run = call("POST", "/api/sso/health/run", admin, null);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);

            JsonNode results = JSON.readTree(call("GET", "/api/sso/health", admin, null).body());
            JsonNode oidc = of(results, DepartmentSystems.OIDC);
            assertThat(oidc.path("up").asBoolean()).as(oidc.toString()).isTrue();
            assertThat(oidc.path("availability").asDouble()).isEqualTo(1.0);
            assertThat(oidc.path("totalMillis").asLong()).isGreaterThanOrEqualTo(oidc.path("exchangeMillis").asLong());
            assertThat(of(results, DepartmentSystems.LEGACY).path("up").asBoolean()).isTrue();
            JsonNode down = of(results, "unreachable");
            assertThat(down.path("up").asBoolean()).isFalse();
            assertThat(down.path("error").asText()).contains("did not answer");
            assertThat(of(results, "unknown-audience").path("error").asText()).contains("Audience not found");

            HttpResponse<String> metrics = call("GET", "/actuator/prometheus", admin, null);
            assertThat(metrics.body())
                    .contains("hub_sso_system_up{system=\"social-security\"} 1.0")
                    .contains("hub_sso_system_up{system=\"unreachable\"} 0.0")
                    .contains("hub_sso_check_seconds_count{outcome=\"up\",system=\"archive\"}");
        } finally {
            call("DELETE", "/api/sso/systems/unreachable", admin, null);
            call("DELETE", "/api/sso/systems/unknown-audience", admin, null);
        }
    }

    @Test
    void onlyAnAdminSeesTheSsoHealth() throws Exception {
        HttpResponse<String> answer = call("GET", "/api/sso/health", localToken("zhang.san", "dept-editor"), null);
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
