package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageIT extends HubIntegrationTest {

    @Test
    void publishingMountingAndRetiringChangeTheDepartmentsCoverage() {
        String dept = createDepartment("酒泉市市场监督管理局");
        String setUp = createItem(dept, "企业设立登记", "ADMINISTRATIVE_POWER");
        String food = createItem(dept, "食品经营许可", "ADMINISTRATIVE_POWER");
        String card = createItem(dept, "社会保障卡申领", "PUBLIC_SERVICE");
        HubApi officer = as("officer", "dept-editor", dept);

        JsonNode before = department(dept);
        assertThat(before.path("administrativePower").path("items").asLong()).isEqualTo(2);
        assertThat(before.path("administrativePower").path("covered").asLong()).isZero();

        String code = officer.post("/api/catalog/entries", licenceEntry("企业营业执照信息", List.of(setUp)))
                .body().path("resourceCode").asText();
        officer.post(path(code) + "/submit", null);
        reviewer().post(path(code) + "/approve", null);

        // the report is cached in Hazelcast and dropped by the catalogue event that arrives over Kafka
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = department(dept);
            assertThat(after.path("administrativePower").path("covered").asLong()).isEqualTo(1);
            assertThat(after.path("administrativePower").path("ratio").asDouble()).isEqualTo(0.5);
            assertThat(after.path("publicService").path("covered").asLong()).isZero();
            assertThat(after.path("publishedEntries").asLong()).isEqualTo(1);
            assertThat(after.path("mountedEntries").asLong()).isZero();
        });
        assertThat(officer.get("/api/catalog/coverage/uncovered-items?department=" + dept).body().findValuesAsText("itemCode"))
                .containsExactlyInAnyOrder(food, card);
        assertThat(officer.get("/api/catalog/coverage/unmounted-entries?department=" + dept).body().findValuesAsText("resourceCode"))
                .containsExactly(code);

        officer.post(path(code) + "/mounts", Map.of("kind", "FILE", "location", "sftp://scjg/exports", "filePattern", "yyzz-*.csv"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(department(dept).path("mountedRatio").asDouble()).isEqualTo(1.0));

        officer.post(path(code) + "/retire", Map.of("reason", "测试"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode retired = department(dept);
            assertThat(retired.path("administrativePower").path("covered").asLong()).isZero();
            assertThat(retired.path("publishedEntries").asLong()).isZero();
            assertThat(retired.path("mountedRatio").isNull()).as("no published entry: no ratio").isTrue();
        });
    }

    private JsonNode department(String code) {
        JsonNode report = admin().get("/api/catalog/coverage").body();
        for (JsonNode d : report.path("departments")) {
            if (d.path("departmentCode").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("department " + code + " missing from " + report);
    }
}
