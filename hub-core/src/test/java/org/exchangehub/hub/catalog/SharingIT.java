package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.exchangehub.hub.security.LocalSigningKey;
import org.junit.jupiter.api.Test;

class SharingIT extends HubIntegrationTest {

    /** Registers a consuming system whose client id is also the user name of its tokens; returns its API client. */
    private String systemClient;

    HubApi consumerSystem(String id) {
        String unique = id + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        systemClient = unique;
        var registered = admin().put("/api/consumer-systems/" + unique, Map.of("name", "酒泉市不动产登记系统", "clientId", unique), null);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        return as(unique, "consumer", null);
    }

    Map<String, Object> entry(String name, String shareType) {
        Map<String, Object> body = new HashMap<>(licenceEntry(name, List.of()));
        body.put("shareType", shareType);
        if (shareType.equals("CONDITIONAL")) {
            body.put("shareConditions", "仅限不动产登记、司法和金融监管用途");
        }
        if (shareType.equals("NOT_SHARED")) {
            body.put("legalBasis", "《中华人民共和国个人信息保护法》第十三条");
            body.remove("shareMode");
        }
        return body;
    }

    static Map<String, Object> application(List<String> items, List<String> unmasked) {
        return Map.of("purpose", "不动产登记时核验企业主体资格", "legalBasis", "《不动产登记暂行条例》", "dataItems", items,
                "unmaskedItems", unmasked, "expectedDailyVolume", 800);
    }

    @Test
    void unconditionalEntryIsGrantedAtOnceForTheRequestedItems() {
        String dept = createDepartment("酒泉市市场监督管理局");
        String code = publish(as("officer", "dept-editor", dept), entry("企业营业执照信息", "UNCONDITIONAL"));
        HubApi estate = consumerSystem("estate");

        var applied = estate.post(path(code) + "/share-requests", application(List.of("统一社会信用代码", "qymc"), List.of()));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(201);
        assertThat(applied.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(applied.body().path("decidedBy").asText()).isEqualTo("policy");
        assertThat(texts(applied.body().path("dataItems"))).as("machine codes are recorded as item names")
                .containsExactly("统一社会信用代码", "企业名称");

        JsonNode grant = estate.get("/api/grants/" + applied.body().path("grantId").asLong()).body();
        assertThat(grant.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(texts(grant.path("dataItems"))).containsExactly("统一社会信用代码", "企业名称");
        assertThat(texts(grant.path("unmaskedItems"))).isEmpty();
        // the names a person reads come with the codes
        assertThat(grant.path("entryName").asText()).isEqualTo("企业营业执照信息");
        assertThat(grant.path("providerDepartmentName").asText()).isEqualTo("酒泉市市场监督管理局");
        assertThat(grant.path("consumerSystemName").asText()).isEqualTo("酒泉市不动产登记系统");
        assertThat(applied.body().path("consumerSystemName").asText()).isEqualTo("酒泉市不动产登记系统");
        assertThat(applied.body().path("providerDepartmentName").asText()).isEqualTo("酒泉市市场监督管理局");
        assertThat(grant.path("callsPerDay").asInt()).isEqualTo(1600);
        assertThat(OffsetDateTime.parse(grant.path("validUntil").asText())).isAfter(OffsetDateTime.now().plusDays(360));
    }

    @Test
    void conditionalEntryWaitsForTheProviderDepartmentsReviewerWhoMayNarrowTheGrant() {
        String dept = createDepartment("酒泉市自然资源局");
        String code = publish(as("officer", "dept-editor", dept), entry("不动产登记信息", "CONDITIONAL"));
        HubApi bank = consumerSystem("bank");

        var applied = bank.post(path(code) + "/share-requests",
                application(List.of("统一社会信用代码", "企业名称", "法定代表人身份证号"), List.of("法定代表人身份证号")));
        assertThat(applied.body().path("status").asText()).isEqualTo("PENDING");
        long id = applied.body().path("id").asLong();

        assertThat(reviewer().post("/api/share-requests/" + id + "/approve", null).status())
                .as("the data bureau's reviewer is not the provider").isEqualTo(403);
        HubApi provider = as("provider.reviewer", "reviewer", dept);
        assertThat(provider.get("/api/share-requests?status=PENDING").body().findValuesAsText("id")).contains(String.valueOf(id));

        var approved = provider.post("/api/share-requests/" + id + "/approve", Map.of("reason", "用途合规",
                "dataItems", List.of("统一社会信用代码", "法定代表人身份证号"), "callsPerDay", 500, "callsPerSecond", 5));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        JsonNode grant = bank.get("/api/grants/" + approved.body().path("grantId").asLong()).body();
        assertThat(texts(grant.path("dataItems"))).containsExactly("统一社会信用代码", "法定代表人身份证号");
        assertThat(texts(grant.path("unmaskedItems"))).containsExactly("法定代表人身份证号");
        assertThat(grant.path("callsPerSecond").asInt()).isEqualTo(5);

        assertThat(bank.get("/api/share-requests/" + id + "/history").body().findValuesAsText("action"))
                .containsExactly("REQUESTED", "APPROVED", "GRANTED");
    }

    @Test
    void notSharedEntryIsRefusedCitingItsLegalBasis() {
        String dept = createDepartment("酒泉市公安局");
        String code = publish(as("officer", "dept-editor", dept), entry("案件侦查信息", "NOT_SHARED"));
        var applied = consumerSystem("estate").post(path(code) + "/share-requests", application(List.of("企业名称"), List.of()));
        assertThat(applied.body().path("status").asText()).isEqualTo("REFUSED");
        assertThat(applied.body().path("decisionReason").asText()).contains("个人信息保护法");
        assertThat(applied.body().path("grantId").isNull()).isTrue();
    }

    @Test
    void rejectionNeedsAReasonAndARevokedGrantCanBeAppliedForAgain() {
        String dept = createDepartment("酒泉市人力资源和社会保障局");
        String code = publish(as("officer", "dept-editor", dept), entry("参保人员信息", "CONDITIONAL"));
        HubApi insurer = consumerSystem("insurer");
        HubApi provider = as("hr.reviewer", "reviewer", dept);

        long first = insurer.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of())).body().path("id").asLong();
        var duplicate = insurer.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(provider.post("/api/share-requests/" + first + "/reject", null).errorFields()).containsExactly("reason");
        var rejected = provider.post("/api/share-requests/" + first + "/reject", Map.of("reason", "用途不明确"));
        assertThat(rejected.body().path("status").asText()).isEqualTo("REJECTED");

        long second = insurer.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of())).body().path("id").asLong();
        long grantId = provider.post("/api/share-requests/" + second + "/approve", null).body().path("grantId").asLong();
        var revoked = provider.post("/api/grants/" + grantId + "/revoke", Map.of("reason", "合作协议到期"));
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.body().path("revokeReason").asText()).isEqualTo("合作协议到期");
        assertThat(insurer.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of())).status()).isEqualTo(201);
    }

    @Test
    void badApplicationsAreRefusedNamingTheField() {
        String dept = createDepartment("酒泉市税务局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, entry("纳税信用等级信息", "CONDITIONAL"));
        HubApi estate = consumerSystem("estate");

        var unknownItem = estate.post(path(code) + "/share-requests", application(List.of("企业名称", "房产面积"), List.of("企业名称")));
        assertThat(unknownItem.status()).isEqualTo(400);
        assertThat(unknownItem.errorFields()).containsExactlyInAnyOrder("dataItems[1]", "unmaskedItems[0]");

        var unregistered = as("rogue-system", "consumer", null).post(path(code) + "/share-requests", application(List.of("企业名称"), List.of()));
        assertThat(unregistered.status()).isEqualTo(403);
        assertThat(unregistered.body().path("detail").asText()).contains("rogue-system");

        String draft = officer.post("/api/catalog/entries", entry("草稿目录", "UNCONDITIONAL")).body().path("resourceCode").asText();
        assertThat(estate.post(path(draft) + "/share-requests", application(List.of("企业名称"), List.of())).status()).isEqualTo(404);

        long id = estate.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of())).body().path("id").asLong();
        assertThat(consumerSystem("other").get("/api/share-requests/" + id).status()).isEqualTo(403);
        assertThat(consumerSystem("other").get("/api/share-requests").body().findValuesAsText("id")).doesNotContain(String.valueOf(id));
    }

    @Test
    void retiringAnEntryEndsItsGrantsAndPendingRequests() {
        String dept = createDepartment("酒泉市林业和草原局");
        HubApi officer = as("officer", "dept-editor", dept);
        String open = publish(officer, entry("林权登记信息", "UNCONDITIONAL"));
        String conditional = publish(officer, entry("林木采伐许可信息", "CONDITIONAL"));
        HubApi estate = consumerSystem("estate");
        long grantId = estate.post(path(open) + "/share-requests", application(List.of("企业名称"), List.of())).body().path("grantId").asLong();
        long pending = estate.post(path(conditional) + "/share-requests", application(List.of("企业名称"), List.of())).body().path("id").asLong();

        officer.post(path(open) + "/retire", Map.of("reason", "数据并入省级目录"));
        officer.post(path(conditional) + "/retire", null);

        JsonNode grant = estate.get("/api/grants/" + grantId).body();
        assertThat(grant.path("status").asText()).isEqualTo("REVOKED");
        assertThat(grant.path("revokeReason").asText()).contains("数据并入省级目录");
        assertThat(estate.get("/api/share-requests/" + pending).body().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aUserTokenCarryingTheClientIdIsNotTheConsumingSystem() {
        String dept = createDepartment("酒泉市文化和旅游局");
        String code = publish(as("officer", "dept-editor", dept), entry("文物保护单位信息", "UNCONDITIONAL"));
        HubApi system = consumerSystem("museum");
        // a person who logged in to the museum system through its client: same azp, no consumer role
        HubApi userOfThatClient = new HubApi(port, LocalSigningKey.inDataDir(hub.dataDir())
                .issue("curator.zhou", List.of("dept-editor"), dept, systemClient, Duration.ofMinutes(5)));
        assertThat(system.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of())).status())
                .as("the system itself may apply").isEqualTo(201);
        var asUser = userOfThatClient.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of()));
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.body().path("detail").asText()).contains("role consumer");
        assertThat(userOfThatClient.get("/api/grants").body().findValuesAsText("consumerSystemId")).doesNotContain(systemClient);
        assertThat(system.get("/api/consumer-systems").status()).as("only admins list consuming systems").isEqualTo(403);
    }

    @Test
    void concurrentApplicationsYieldOneGrant() throws Exception {
        String dept = createDepartment("酒泉市水务局");
        String code = publish(as("officer", "dept-editor", dept), entry("取水许可信息", "UNCONDITIONAL"));
        HubApi estate = consumerSystem("estate");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> estate.post(path(code) + "/share-requests", application(List.of("企业名称"), List.of())).status()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(estate.get("/api/grants").body().findValuesAsText("resourceCode")).containsOnlyOnce(code);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.exchangehub.catalog.grant.SharingService sharing;

    @Test
    void listsSortedByConsumingSystemGoByItsNameInPinyin() {
        String dept = createDepartment("酒泉市市场监督管理局");
        String code = publish(as("officer", "dept-editor", dept), entry("企业营业执照信息", "UNCONDITIONAL"));
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        // by id the 乙 system comes first; by name (甲 jiǎ before 乙 yǐ) the other
        String yi = "a-sort-" + n;
        String jia = "b-sort-" + n;
        for (String[] system : new String[][] {{yi, "乙类审批系统" + n}, {jia, "甲类审批系统" + n}}) {
            admin().put("/api/consumer-systems/" + system[0], Map.of("name", system[1], "clientId", system[0]), null);
            var applied = as(system[0], "consumer", null).post(path(code) + "/share-requests", application(List.of("企业名称"), List.of()));
            assertThat(applied.status()).as(applied.body().toString()).isEqualTo(201);
        }
        var admin = new org.exchangehub.catalog.Actor("li.si", java.util.Set.of(org.exchangehub.catalog.Role.ADMIN), null);
        List<String> grants = sharing.grants(admin, "ACTIVE", "consumer", true, 0, 10_000).items().stream()
                .map(org.exchangehub.catalog.grant.ShareViews.GrantView::consumerSystemId).filter(id -> id.endsWith("-sort-" + n)).toList();
        assertThat(grants).containsExactly(jia, yi);
        List<String> requests = sharing.requests(admin, null, false, "consumer", false, 0, 10_000).items().stream()
                .map(org.exchangehub.catalog.grant.ShareViews.ShareRequestView::consumerSystemId).filter(id -> id.endsWith("-sort-" + n))
                .toList();
        assertThat(requests).as("descending").containsExactly(yi, jia);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
