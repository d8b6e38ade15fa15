package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSecurityIT extends HubIntegrationTest {

    @Test
    void apiWithoutTokenIs401ButHealthDocsAndRootPageAreOpen() {
        HubApi nobody = anonymous();
        var denied = nobody.get("/api/catalog/entries");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(nobody.get("/api/departments").status()).isEqualTo(401);
        assertThat(nobody.get("/actuator/prometheus").status()).isEqualTo(401);
        // a freshly started hub is not ready until each file-drop consumer has polled once (Camel's readiness)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> nobody.get("/actuator/health").status() == 200);
        var health = nobody.get("/actuator/health");
        assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.body().path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("kafka").has("details")).as("addresses are for admins").isFalse();
        assertThat(admin().get("/actuator/health").body().path("components").path("kafka").path("details").has("bootstrapServers")).isTrue();
        assertThat(nobody.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(nobody.get("/").status()).isEqualTo(200);
    }

    @Test
    void consoleWithoutSingleSignOnSaysHowToTurnItOn() throws Exception {
        // these tests run the hub with single sign-on off: the console cannot sign anyone in
        var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/console/catalog")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("HUB_OIDC_ISSUER", "HUB_KEYCLOAK");
        assertThat(anonymous().get("/api/catalog/entries").status()).as("the API's answer is unchanged").isEqualTo(401);
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        String forged = new org.exchangehub.hub.security.LocalSigningKeyForTests().foreignToken("admin");
        var answer = new HubApi(port, forged).get("/api/departments");
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void editorCannotTouchAnotherDepartmentsEntry() {
        String owner = createDepartment("酒泉市市场监督管理局");
        String other = createDepartment("酒泉市自然资源局");
        HubApi ownerOfficer = as("owner", "dept-editor", owner);
        HubApi intruder = as("intruder", "dept-editor", other);
        var created = ownerOfficer.post("/api/catalog/entries", licenceEntry("食品经营许可证信息", List.of()));
        String code = created.body().path("resourceCode").asText();

        var edit = intruder.put(path(code), licenceEntry("改名", List.of()), created.etag());
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.body().path("detail").asText()).contains(owner);
        assertThat(intruder.post(path(code) + "/submit", null).status()).isEqualTo(403);
        assertThat(intruder.post(path(code) + "/mounts", Map.of("kind", "FILE", "location", "/x", "filePattern", "*.csv")).status())
                .isEqualTo(403);
        assertThat(intruder.get(path(code)).status()).as("a draft of another department is not visible").isEqualTo(404);
        assertThat(intruder.post("/api/catalog/entries", withDepartment(licenceEntry("冒名目录", List.of()), owner)).status())
                .isEqualTo(403);
        assertThat(ownerOfficer.get(path(code)).body().path("pending").path("content").path("name").asText()).isEqualTo("食品经营许可证信息");
    }

    @Test
    void onlyReviewersPublishAndOnlyAdminsChangeReferenceData() {
        String dept = createDepartment("酒泉市民政局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = officer.post("/api/catalog/entries", licenceEntry("婚姻登记信息", List.of())).body().path("resourceCode").asText();
        officer.post(path(code) + "/submit", null);
        assertThat(officer.post(path(code) + "/approve", null).status()).isEqualTo(403);
        assertThat(as("consumer", "consumer", null).post(path(code) + "/approve", null).status()).isEqualTo(403);
        assertThat(officer.put("/api/departments/" + newDepartmentCode(), Map.of("name", "x", "regionCode", "620900"), null).status())
                .isEqualTo(403);
    }

    @Test
    void consumerSeesOnlyPublishedEntriesInSearch() {
        String dept = createDepartment("酒泉市税务局");
        HubApi officer = as("tax.officer", "dept-editor", dept);
        officer.post("/api/catalog/entries", licenceEntry("纳税信用等级信息", List.of()));
        var consumerView = as("consumer", "consumer", null).get("/api/catalog/entries?department=" + dept);
        assertThat(consumerView.body().path("total").asLong()).isZero();
        assertThat(officer.get("/api/catalog/entries?department=" + dept).body().path("total").asLong()).isEqualTo(1);
    }

    private static Map<String, Object> withDepartment(Map<String, Object> body, String department) {
        var copy = new java.util.HashMap<>(body);
        copy.put("departmentCode", department);
        return copy;
    }
}
