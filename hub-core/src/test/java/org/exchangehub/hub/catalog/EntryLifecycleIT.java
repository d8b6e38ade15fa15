package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exchangehub.catalog.mount.MountHealth;
import org.exchangehub.catalog.mount.MountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EntryLifecycleIT extends HubIntegrationTest {

    @Autowired
    MountService mountService;

    @Test
    void entryGoesFromDraftThroughRejectionToPublishedMountedAndRetired() {
        String market = createDepartment("酒泉市市场监督管理局");
        String item = createItem(market, "企业设立登记", "ADMINISTRATIVE_POWER");
        HubApi officer = as("zhang.san", "dept-editor", market);

        var created = officer.post("/api/catalog/entries", licenceEntry("企业营业执照信息", List.of(item)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String code = created.body().path("resourceCode").asText();
        assertThat(code).matches("3-01-02/\\d{6}");
        assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.body().path("departmentCode").asText()).isEqualTo(market);

        assertThat(officer.post(path(code) + "/submit", null).body().path("status").asText()).isEqualTo("SUBMITTED");
        var rejected = reviewer().post(path(code) + "/reject", Map.of("reason", "摘要需写明数据来源"));
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().path("pending").path("reviewReason").asText()).isEqualTo("摘要需写明数据来源");

        Map<String, Object> fixed = new HashMap<>(licenceEntry("企业营业执照信息", List.of(item)));
        fixed.put("abstract", "数据来源：市场监管局企业登记系统。企业营业执照主要信息");
        var edited = officer.put(path(code), fixed, rejected.etag());
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(edited.body().path("status").asText()).isEqualTo("DRAFT");
        officer.post(path(code) + "/submit", null);
        var published = reviewer().post(path(code) + "/approve", null);
        assertThat(published.body().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.body().path("published").path("version").asInt()).isEqualTo(1);
        assertThat(published.body().path("published").path("publishDate").asText()).isNotBlank();

        var mount = officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "market-licence", "operation", "queryByCreditCode"));
        assertThat(mount.status()).as(mount.body().toString()).isEqualTo(201);
        assertThat(mount.body().path("health").asText()).isEqualTo("UNKNOWN");

        var found = as("consumer.estate", "consumer", null).get("/api/catalog/entries?q=营业执照&department=" + market);
        assertThat(found.body().path("items").findValuesAsText("resourceCode")).containsExactly(code);

        var retired = officer.post(path(code) + "/retire", Map.of("reason", "并入全省统一目录"));
        assertThat(retired.body().path("status").asText()).isEqualTo("RETIRED");
        assertThat(as("consumer.estate", "consumer", null).get(path(code)).status()).isEqualTo(404);

        JsonNode history = officer.get(path(code) + "/history").body();
        assertThat(history.findValuesAsText("action"))
                .containsExactly("CREATED", "SUBMITTED", "REJECTED", "UPDATED", "SUBMITTED", "PUBLISHED", "RETIRED");
        JsonNode update = history.get(3);
        assertThat(update.path("actor").asText()).isEqualTo("zhang.san");
        assertThat(update.path("changes").path("abstract").path("to").asText()).startsWith("数据来源");
        assertThat(update.path("changes").has("name")).isFalse();
    }

    @Test
    void changingAPublishedEntryKeepsItVisibleWhileTheNewVersionIsReviewed() {
        String dept = createDepartment("酒泉市自然资源局");
        HubApi officer = as("li.si", "dept-editor", dept);
        String code = publish(officer, licenceEntry("不动产登记信息", List.of()));

        Map<String, Object> revised = new HashMap<>(licenceEntry("不动产登记信息（含抵押）", List.of()));
        var etag = officer.get(path(code)).etag();
        var revision = officer.put(path(code), revised, etag);
        assertThat(revision.status()).as(revision.body().toString()).isEqualTo(200);
        assertThat(revision.body().path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(revision.body().path("pending").path("version").asInt()).isEqualTo(2);
        officer.post(path(code) + "/submit", null);

        HubApi consumer = as("consumer.bank", "consumer", null);
        var seen = consumer.get(path(code)).body();
        assertThat(seen.path("published").path("content").path("name").asText()).isEqualTo("不动产登记信息");
        assertThat(seen.path("pending").isNull()).isTrue();

        reviewer().post(path(code) + "/approve", null);
        var after = consumer.get(path(code)).body();
        assertThat(after.path("published").path("version").asInt()).isEqualTo(2);
        assertThat(after.path("published").path("content").path("name").asText()).isEqualTo("不动产登记信息（含抵押）");
    }

    @Test
    void concurrentEditWithAStaleLockVersionIsRefused() {
        String dept = createDepartment("酒泉市人力资源和社会保障局");
        HubApi officer = as("wang.wu", "dept-editor", dept);
        var created = officer.post("/api/catalog/entries", licenceEntry("参保人员信息", List.of()));
        String code = created.body().path("resourceCode").asText();
        String stale = created.etag();
        assertThat(officer.put(path(code), licenceEntry("参保人员信息（个人）", List.of()), stale).status()).isEqualTo(200);

        var conflict = officer.put(path(code), licenceEntry("参保人员信息（单位）", List.of()), stale);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("code").asText()).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(officer.get(path(code)).body().path("pending").path("content").path("name").asText()).isEqualTo("参保人员信息（个人）");
    }

    @Test
    void lockVersionsBeyondSmallNumbersStillMatch() {
        String dept = createDepartment("酒泉市统计局");
        HubApi officer = as("tongji", "dept-editor", dept);
        var created = officer.post("/api/catalog/entries", licenceEntry("统计调查信息", List.of()));
        String code = created.body().path("resourceCode").asText();
        String etag = created.etag();
        for (int i = 0; i < 130; i++) {
            var edited = officer.put(path(code), licenceEntry("统计调查信息" + i, List.of()), etag);
            assertThat(edited.status()).as("edit %d with %s: %s", i, etag, edited.body()).isEqualTo(200);
            etag = edited.etag();
        }
        assertThat(etag).isEqualTo("\"130\"");
    }

    @Test
    void reviewQueueRefusesANegativePage() {
        assertThat(reviewer().get("/api/catalog/reviews?page=-1").errorFields()).containsExactly("page");
    }

    @Test
    void malformedBodyNamesTheFieldWithoutInternalClassNames() {
        String dept = createDepartment("酒泉市商务局");
        var answer = as("shangwu", "dept-editor", dept).post("/api/catalog/entries", Map.of("name", "x", "dataItems", "x"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("dataItems");
        assertThat(answer.body().toString()).doesNotContain("org.exchangehub").contains("array");
    }

    @Test
    void editWithoutIfMatchIsAskedForTheLockVersion() {
        String dept = createDepartment("酒泉市卫生健康委员会");
        HubApi officer = as("zhao.liu", "dept-editor", dept);
        String code = officer.post("/api/catalog/entries", licenceEntry("出生医学证明信息", List.of())).body().path("resourceCode").asText();
        var answer = officer.put(path(code), licenceEntry("出生医学证明信息", List.of()), null);
        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.errorFields()).containsExactly("If-Match");
    }

    @Test
    void invalidEntryIsRejectedNamingEveryFieldAndNothingIsWritten() {
        String dept = createDepartment("酒泉市交通运输局");
        HubApi officer = as("sun.qi", "dept-editor", dept);
        Map<String, Object> bad = new HashMap<>(licenceEntry("", List.of("NO-SUCH-ITEM-1")));
        bad.put("shareType", "CONDITIONAL");
        bad.put("updateCycle", "HOURLY");
        bad.put("classificationCode", "1-01");
        bad.put("dataItems", List.of(Map.of("name", "车牌号", "type", "TEXT")));

        var answer = officer.post("/api/catalog/entries", bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.errorFields()).contains("name", "shareConditions", "updateCycle", "classificationCode",
                "dataItems[0].type", "relatedItemCodes[0]");
        assertThat(answer.body().path("errors").toString()).contains("REAL_TIME", "NO-SUCH-ITEM-1");
        assertThat(officer.get("/api/catalog/entries?department=" + dept).body().path("total").asLong()).isZero();
    }

    @Test
    void unknownResourceCodeIs404() {
        var answer = reviewer().get("/api/catalog/entries/3-99-99/999999");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(answer.body().path("detail").asText()).contains("3-99-99/999999");
    }

    @Test
    void reviewQueueListsSubmittedVersionsWithTheirDepartment() {
        String dept = createDepartment("酒泉市教育局");
        HubApi officer = as("qian.ba", "dept-editor", dept);
        String code = officer.post("/api/catalog/entries", licenceEntry("学籍信息", List.of())).body().path("resourceCode").asText();
        officer.post(path(code) + "/submit", null);
        var queue = reviewer().get("/api/catalog/reviews?size=100");
        assertThat(queue.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode n : queue.body().path("items")) {
            if (n.path("resourceCode").asText().equals(code)) {
                mine = n;
            }
        }
        assertThat(mine).as("queue " + queue.body()).isNotNull();
        assertThat(mine.path("departmentCode").asText()).isEqualTo(dept);
        assertThat(mine.path("submittedBy").asText()).isEqualTo("qian.ba");
        assertThat(officer.get("/api/catalog/reviews").status()).isEqualTo(403);
    }

    @Test
    void tableMountMustMapColumnsToTheEntrysDataItems() {
        String dept = createDepartment("酒泉市住房和城乡建设局");
        HubApi officer = as("zhou.jiu", "dept-editor", dept);
        String code = publish(officer, licenceEntry("住房公积金缴存信息", List.of()));
        var bad = officer.post(path(code) + "/mounts", Map.of("kind", "TABLE", "datasourceId", "zfgjj", "tableName", "gjj_jc",
                "columnMapping", Map.of("dwmc", "单位名称")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).contains("tableName", "columnMapping.dwmc");

        var good = officer.post(path(code) + "/mounts", Map.of("kind", "TABLE", "datasourceId", "zfgjj", "tableName", "gjj.gjj_jc",
                "columnMapping", Map.of("tyshxydm", "统一社会信用代码", "qymc", "qymc")));
        assertThat(good.status()).as(good.body().toString()).isEqualTo(201);
        assertThat(officer.get(path(code) + "/mounts").body().findValuesAsText("tableName")).containsExactly("gjj.gjj_jc");
    }

    @Test
    void healthProbeResultsAreKeptOnTheMount() {
        String dept = createDepartment("酒泉市公安局");
        HubApi officer = as("probe.owner", "dept-editor", dept);
        String code = publish(officer, licenceEntry("户籍人口信息", List.of()));
        long id = officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "police-hj", "operation", "query"))
                .body().path("id").asLong();

        mountService.reportHealth(id, MountHealth.DOWN, "connect timed out after 3000 ms");
        JsonNode mount = officer.get(path(code) + "/mounts").body().get(0);
        assertThat(mount.path("health").asText()).isEqualTo("DOWN");
        assertThat(mount.path("healthDetail").asText()).contains("timed out");
        assertThat(mount.path("healthCheckedAt").asText()).isNotBlank();
    }

}
