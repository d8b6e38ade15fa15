package org.exchangehub.hub.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Shared calls through the gateway to a self-built provider system, stood in for by WireMock. */
class SharedCallIT extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        String system = "hub.connectors.systems.market-licence.";
        registry.add(system + "family", () -> "selfbuilt");
        registry.add(system + "base-url", () -> "http://127.0.0.1:" + PROVIDER.port());
        registry.add(system + "response-timeout", () -> "800ms");
        registry.add(system + "operations.queryByCreditCode.path", () -> "/api/licences/{creditCode}");
        // the provider's own parameter names and answer shape, mapped by the shipped gateway mapping configs
        registry.add(system + "operations.queryLicence.path", () -> "/api/v2/licences");
        registry.add(system + "operations.queryLicence.request-mapping", () -> "market-regulator-licence-request");
        registry.add(system + "operations.queryLicence.response-mapping", () -> "market-regulator-licence-answer");
        // this connector is made to fail on purpose again and again; its breaker is ConnectorResilienceIT's subject
        registry.add(system + "circuit-breaker.minimum-calls", () -> "1000");
        registry.add(system + "circuit-breaker.sliding-window", () -> "1000");
        String national = "hub.connectors.systems.national-enterprise.";
        registry.add(national + "family", () -> "national");
        registry.add(national + "base-url", () -> "http://127.0.0.1:" + PROVIDER.port());
        registry.add(national + "app-key", () -> NATIONAL_APP_KEY);
        registry.add(national + "app-secret", () -> NATIONAL_SECRET);
        registry.add(national + "signature", () -> "HMAC_SM3");
        registry.add(national + "sm4-mode", () -> "ECB");
        registry.add(national + "sm4-key", () -> NATIONAL_SM4_KEY);
        registry.add(national + "operations.queryEnterprise.path", () -> "/gateway/enterprise");
        registry.add(national + "operations.deniedCall.path", () -> "/gateway/denied");
        registry.add(national + "operations.busyCall.path", () -> "/gateway/busy");
        registry.add(national + "operations.failingCall.path", () -> "/gateway/failing");
        registry.add(national + "response-timeout", () -> "800ms");
        // failures on purpose, test after test: the breaker is ConnectorResilienceIT's business
        registry.add(national + "circuit-breaker.minimum-calls", () -> "1000");
        registry.add(national + "circuit-breaker.sliding-window", () -> "1000");
    }

    static final String NATIONAL_APP_KEY = "jiuquan-hub";
    static final String NATIONAL_SECRET = "national-test-secret";
    static final String NATIONAL_SM4_KEY = "0123456789abcdeffedcba9876543210";

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    /** A published licence entry with its API mounted, a consuming system granted three items; returns [code, consumer]. */
    record Setup(String code, HubApi consumer, HubApi provider, long grantId) {
    }

    Setup grantedLicenceEntry() {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, licenceEntry("企业营业执照信息", List.of()));
        officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "market-licence", "operation", "queryByCreditCode"));
        String client = "estate-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "不动产登记系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        var applied = consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验企业主体资格",
                "dataItems", List.of("统一社会信用代码", "企业名称", "法定代表人身份证号")));
        assertThat(applied.body().path("status").asText()).as(applied.body().toString()).isEqualTo("APPROVED");
        return new Setup(code, consumer, as("reviewer", "reviewer", dept), applied.body().path("grantId").asLong());
    }

    static String call(String code, String creditCode) {
        return "/api/shared/" + code + "/queryByCreditCode?creditCode=" + creditCode;
    }

    @Test
    void grantedCallReturnsOnlyGrantedItemsWithSensitiveOnesMasked() {
        Setup s = grantedLicenceEntry();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/91620900MA7AAAAAA1")).willReturn(okJson("""
                {"tyshxydm":"91620900MA7AAAAAA1","qymc":"酒泉市某某商贸有限公司","fddbr":"张某",
                 "fddbrsfzh":"620102199001011233","clrq":"2021-05-08","djzt":"存续"}""")));

        var answer = s.consumer().get(call(s.code(), "91620900MA7AAAAAA1"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode data = answer.body();
        assertThat(data.path("tyshxydm").asText()).isEqualTo("91620900MA7AAAAAA1");
        assertThat(data.path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
        assertThat(data.path("fddbrsfzh").asText()).isEqualTo("620102********1233");
        assertThat(data.has("fddbr")).as("not granted").isFalse();
        assertThat(data.has("clrq")).as("not granted").isFalse();
        assertThat(data.size()).isEqualTo(3);
        // filtering by an item the grant leaves out would tell its value: refused before the provider is asked
        var byUngranted = s.consumer().get(call(s.code(), "91620900MA7AAAAAA1") + "&fddbr=%E5%BC%A0%E6%9F%90");
        assertThat(byUngranted.status()).isEqualTo(400);
        assertThat(byUngranted.body().path("detail").asText()).contains("'fddbr' is a data item this grant does not include");
    }

    @Test
    void callWithoutOrAfterRevokedGrantIs403() {
        Setup s = grantedLicenceEntry();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/91620900MA7AAAAAA2")).willReturn(okJson("{\"qymc\":\"x\"}")));
        String stranger = "stranger-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + stranger, Map.of("name", "无授权系统", "clientId", stranger), null);
        var notGranted = as(stranger, "consumer", null).get(call(s.code(), "91620900MA7AAAAAA2"));
        assertThat(notGranted.status()).isEqualTo(403);
        assertThat(notGranted.body().path("code").asText()).isEqualTo("NOT_GRANTED");

        assertThat(s.consumer().get(call(s.code(), "91620900MA7AAAAAA2")).status()).isEqualTo(200);
        s.provider().post("/api/grants/" + s.grantId() + "/revoke", Map.of("reason", "到期"));
        var revoked = s.consumer().get(call(s.code(), "91620900MA7AAAAAA2"));
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.body().path("code").asText()).isEqualTo("NOT_GRANTED");
    }

    @Test
    void mappingConfigsShapeTheRequestAndTheAnswer() {
        Setup s = grantedLicenceEntry();
        String officerDept = s.consumer().get("/api/grants").body().get(0).path("providerDepartmentCode").asText();
        as("officer", "dept-editor", officerDept).post(path(s.code()) + "/mounts",
                Map.of("kind", "API", "connectorId", "market-licence", "operation", "queryLicence"));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/v2/licences")).withQueryParam("uniscid", equalTo("91620900MA7BBBBBB1"))
                .withQueryParam("queryType", equalTo("1")).willReturn(okJson("""
                {"code":"0","data":{"entName":"酒泉市某某商贸有限公司","uniscid":"91620900ma7bbbbbb1",
                 "legalPerson":{"name":"张某","idCard":"620102199001011233"},"estDate":"20150312","regState":"1"}}""")));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/v2/licences")).withQueryParam("uniscid", equalTo("91620900MA7BBBBBB2"))
                .willReturn(okJson("{\"code\":\"0\",\"data\":{\"uniscid\":\"91620900MA7BBBBBB2\"}}")));

        // the consumer names items by the catalogue's codes, in lower case; the provider wants uniscid, upper case
        var answer = s.consumer().get("/api/shared/" + s.code() + "/queryLicence?tyshxydm=91620900ma7bbbbbb1");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("tyshxydm").asText()).isEqualTo("91620900MA7BBBBBB1");
        assertThat(answer.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
        assertThat(answer.body().path("fddbrsfzh").asText()).isEqualTo("620102********1233");
        assertThat(answer.body().has("fddbr")).as("not granted").isFalse();
        // an answer without an item the mapping requires (entName) is the provider's fault
        var incomplete = s.consumer().get("/api/shared/" + s.code() + "/queryLicence?tyshxydm=91620900MA7BBBBBB2");
        assertThat(incomplete.status()).isEqualTo(502);
        assertThat(incomplete.body().path("detail").asText()).contains("without the items it must give");
    }

    @Test
    void providerFailuresBecomeTheHubsOwnErrors() {
        Setup s = grantedLicenceEntry();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/SLOW")).willReturn(okJson("{}").withFixedDelay(3000)));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/BROKEN")).willReturn(aResponse().withStatus(500).withBody("java.lang.NullPointerException at ...")));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/GARBLED")).willReturn(aResponse().withStatus(200).withBody("<html>oops")));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/DROPPED")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/MISSING")).willReturn(aResponse().withStatus(404)));

        var slow = s.consumer().get(call(s.code(), "SLOW"));
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.body().path("code").asText()).isEqualTo("PROVIDER_TIMEOUT");
        var broken = s.consumer().get(call(s.code(), "BROKEN"));
        assertThat(broken.status()).isEqualTo(502);
        assertThat(broken.body().toString()).as("provider internals stay inside").doesNotContain("NullPointerException");
        assertThat(s.consumer().get(call(s.code(), "GARBLED")).body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(s.consumer().get(call(s.code(), "DROPPED")).status()).isEqualTo(502);
        assertThat(s.consumer().get(call(s.code(), "MISSING")).body().path("code").asText()).isEqualTo("NOT_FOUND_AT_PROVIDER");
    }

    /** A CONDITIONAL licence entry whose provider approves the given quota. */
    Setup grantedWithQuota(int perDay, int perSecond) {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        Map<String, Object> body = new java.util.HashMap<>(licenceEntry("企业营业执照信息", List.of()));
        body.put("shareType", "CONDITIONAL");
        body.put("shareConditions", "仅限政务服务用途");
        String code = publish(officer, body);
        officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "market-licence", "operation", "queryByCreditCode"));
        String client = "quota-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "限流测试系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        long id = consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验", "dataItems", List.of("企业名称")))
                .body().path("id").asLong();
        HubApi provider = as("reviewer", "reviewer", dept);
        long grantId = provider.post("/api/share-requests/" + id + "/approve", Map.of("callsPerDay", perDay, "callsPerSecond", perSecond))
                .body().path("grantId").asLong();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/QUOTA")).willReturn(okJson("{\"qymc\":\"某公司\"}")));
        return new Setup(code, consumer, provider, grantId);
    }

    @Test
    void dailyQuotaIsEnforcedWithRetryAfter() {
        Setup s = grantedWithQuota(3, 100);
        for (int i = 0; i < 3; i++) {
            assertThat(s.consumer().get(call(s.code(), "QUOTA")).status()).isEqualTo(200);
        }
        var refused = s.consumer().get(call(s.code(), "QUOTA"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().path("code").asText()).isEqualTo("QUOTA_EXCEEDED");
        long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 86_401L);
    }

    @Test
    void perSecondQuotaCutsABurst() {
        Setup s = grantedWithQuota(1000, 2);
        int ok = 0;
        int refused = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            int status = s.consumer().get(call(s.code(), "QUOTA")).status();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                refused++;
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1; // the burst touched at most this many windows + 1
        assertThat(ok + refused).isEqualTo(10);
        assertThat(ok).isLessThanOrEqualTo((int) (2 * (seconds + 1)));
        assertThat(refused).isPositive();
    }

    @Test
    void callsAreLoggedAndGrantsNobodyUsesAreReported() {
        Setup used = grantedLicenceEntry();
        Setup idle = grantedLicenceEntry();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/LOGGED")).willReturn(okJson("{\"qymc\":\"某公司\"}")));
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/LOGGED-MISSING")).willReturn(aResponse().withStatus(404)));
        used.consumer().get(call(used.code(), "LOGGED"));
        used.consumer().get(call(used.code(), "LOGGED"));
        used.consumer().get(call(used.code(), "LOGGED-MISSING"));

        // the log travels through Kafka (hub.calls) and is stored in batches
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = null;
            for (JsonNode r : admin().get("/api/calls/statistics").body()) {
                if (r.path("resourceCode").asText().equals(used.code())) {
                    row = r;
                }
            }
            assertThat(row).as("statistics row for " + used.code()).isNotNull();
            assertThat(row.path("calls").asLong()).isEqualTo(3);
            assertThat(row.path("succeeded").asLong()).isEqualTo(2);
            assertThat(row.path("failed").asLong()).isEqualTo(1);
            assertThat(row.path("responseBytes").asLong()).isPositive();
        });
        JsonNode neverCalled = admin().get("/api/calls/never-called").body();
        List<String> never = neverCalled.findValuesAsText("grantId");
        assertThat(never).contains(String.valueOf(idle.grantId())).doesNotContain(String.valueOf(used.grantId()));
        for (JsonNode n : neverCalled) {
            if (n.path("grantId").asLong() == idle.grantId()) {
                assertThat(n.path("entryName").asText()).isEqualTo("企业营业执照信息");
                assertThat(n.path("providerDepartmentName").asText()).isEqualTo("酒泉市市场监督管理局");
                assertThat(n.path("consumerSystemName").asText()).isEqualTo("不动产登记系统");
            }
        }
        assertThat(used.consumer().get("/api/calls/statistics").status()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.exchangehub.hub.gateway.CallLogWriter callLogWriter;

    @Test
    void callLogStoresEachCallOnceAndKeepsABatchWhoseOneRecordIsRefused() {
        java.util.function.Function<String, String> record = resourceCode -> "{\"callId\":\"" + java.util.UUID.randomUUID()
                + "\",\"occurredAt\":\"2026-11-25T10:00:00+08:00\",\"consumerSystemId\":\"batch-test\",\"resourceCode\":\""
                + resourceCode + "\",\"operation\":\"queryByCreditCode\",\"grantId\":null,\"httpStatus\":200,"
                + "\"errorCode\":null,\"latencyMs\":3,\"responseBytes\":120}";
        String first = record.apply("1-01/900001");
        String second = record.apply("1-01/900001");
        // longer than the column: the batch's statement fails, and the writer stores the others one by one
        String refused = record.apply("1-01/" + "9".repeat(60));
        org.springframework.jdbc.core.JdbcTemplate sql = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        java.util.function.Supplier<Integer> stored = () -> sql.queryForObject(
                "select count(*) from call_log where consumer_system_id = 'batch-test'", Integer.class);

        callLogWriter.store(List.of(first, "not json", refused, second));
        assertThat(stored.get()).isEqualTo(2);
        // Kafka delivers the same batch again after a restart before its offsets were committed
        callLogWriter.store(List.of(first, second, record.apply("1-01/900002")));
        assertThat(stored.get()).isEqualTo(3);
    }

    @Test
    void nationalGatewayCallsAreSignedEncryptedAndUnwrapped() throws Exception {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, licenceEntry("全国企业基本信息", List.of()));
        for (String op : List.of("queryEnterprise", "deniedCall", "busyCall")) {
            officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "national-enterprise", "operation", op));
        }
        String client = "national-user-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "全国数据调用系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验", "dataItems", List.of("统一社会信用代码", "企业名称")));

        var sm4 = new org.exchangehub.connectors.signing.Sm4Cipher(org.exchangehub.connectors.signing.Sm4Cipher.Mode.ECB,
                java.util.HexFormat.of().parseHex(NATIONAL_SM4_KEY), null);
        String data = sm4.encrypt("{\"tyshxydm\":\"91620900MA7XXXXXX9\",\"qymc\":\"酒泉市某某商贸有限公司\",\"fddbr\":\"张某\"}");
        PROVIDER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/gateway/enterprise"))
                .willReturn(okJson("{\"code\":\"200\",\"message\":\"成功\",\"data\":\"" + data + "\"}")));
        PROVIDER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/gateway/denied"))
                .willReturn(okJson("{\"code\":\"401\",\"message\":\"签名错误 appSecret mismatch\",\"data\":null}")));
        PROVIDER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/gateway/busy"))
                .willReturn(okJson("{\"code\":\"429\",\"message\":\"限流\",\"data\":null}")));

        var answer = consumer.get("/api/shared/" + code + "/queryEnterprise?tyshxydm=91620900MA7XXXXXX9");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
        assertThat(answer.body().has("fddbr")).isFalse();

        // what the national gateway received: signed headers over an SM4-encrypted body carrying the parameters
        var sent = PROVIDER.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/gateway/enterprise")));
        assertThat(sent).hasSize(1);
        var request = sent.get(0);
        String body = request.getBodyAsString();
        assertThat(request.getHeader("X-App-Key")).isEqualTo(NATIONAL_APP_KEY);
        assertThat(org.exchangehub.connectors.signing.RequestSignature.verify(
                org.exchangehub.connectors.signing.RequestSignature.Algorithm.HMAC_SM3, NATIONAL_SECRET, NATIONAL_APP_KEY,
                request.getHeader("X-Timestamp"), request.getHeader("X-Nonce"), body, request.getHeader("X-Signature"))).isTrue();
        assertThat(body).doesNotContain("91620900MA7XXXXXX9");
        assertThat(sm4.decrypt(body)).isEqualTo("{\"tyshxydm\":\"91620900MA7XXXXXX9\"}");

        var denied = consumer.get("/api/shared/" + code + "/deniedCall");
        assertThat(denied.status()).isEqualTo(502);
        assertThat(denied.body().toString()).as("the gateway's message stays inside").doesNotContain("appSecret").doesNotContain("签名错误");
        var busy = consumer.get("/api/shared/" + code + "/busyCall");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.body().path("code").asText()).isEqualTo("PROVIDER_BUSY");
        assertThat(busy.raw().headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void nationalInterfacesAreReportedGrantedVersusCalled() {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, licenceEntry("全国企业基本信息（调用统计）", List.of()));
        officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "national-enterprise", "operation", "queryEnterprise"));
        List<HubApi> consumers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String client = "national-report-" + ThreadLocalRandom.current().nextInt(1_000_000);
            admin().put("/api/consumer-systems/" + client, Map.of("name", "调用统计系统" + i, "clientId", client), null);
            HubApi consumer = as(client, "consumer", null);
            assertThat(consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验",
                    "dataItems", List.of("统一社会信用代码", "企业名称"))).body().path("status").asText()).isEqualTo("APPROVED");
            consumers.add(consumer);
        }
        var sm4 = new org.exchangehub.connectors.signing.Sm4Cipher(org.exchangehub.connectors.signing.Sm4Cipher.Mode.ECB,
                java.util.HexFormat.of().parseHex(NATIONAL_SM4_KEY), null);
        PROVIDER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/gateway/enterprise"))
                .willReturn(okJson("{\"code\":\"200\",\"message\":\"成功\",\"data\":\"" + sm4.encrypt("{\"qymc\":\"某公司\"}") + "\"}")));

        assertThat(consumers.get(0).get("/api/shared/" + code + "/queryEnterprise?tyshxydm=91620900MA7XXXXXX9").status()).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = null;
            for (JsonNode r : admin().get("/api/calls/national").body()) {
                if (r.path("resourceCode").asText().equals(code)) {
                    row = r;
                }
            }
            assertThat(row).as("national report row for " + code).isNotNull();
            assertThat(row.path("connectorIds").toString()).contains("national-enterprise");
            assertThat(row.path("activeGrants").asLong()).isEqualTo(2);
            assertThat(row.path("grantsCalled").asLong()).isEqualTo(1);
            assertThat(row.path("calls").asLong()).isEqualTo(1);
            assertThat(row.path("succeeded").asLong()).isEqualTo(1);
        });
        assertThat(consumers.get(0).get("/api/calls/national").status()).isEqualTo(403);
    }

    @Test
    void nationalGatewayFailuresBecomeTheHubsOwnErrors() {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, licenceEntry("全国企业基本信息（故障）", List.of()));
        officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "national-enterprise", "operation", "failingCall"));
        String client = "national-failing-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "全国数据调用系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验", "dataItems", List.of("统一社会信用代码", "企业名称")));
        java.util.function.Supplier<com.github.tomakehurst.wiremock.client.MappingBuilder> failing =
                () -> com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/gateway/failing"));
        String call = "/api/shared/" + code + "/failingCall?tyshxydm=91620900MA7XXXXXX9";

        PROVIDER.stubFor(failing.get().willReturn(okJson("{\"code\":\"200\",\"data\":\"x\"}").withFixedDelay(2000)));
        var slow = consumer.get(call);
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.body().path("code").asText()).isEqualTo("PROVIDER_TIMEOUT");

        PROVIDER.stubFor(failing.get().willReturn(aResponse().withStatus(500).withBody("<html>Internal Server Error</html>")));
        var broken = consumer.get(call);
        assertThat(broken.status()).isEqualTo(502);
        assertThat(broken.body().toString()).doesNotContain("Internal Server Error");

        // HTTP 200 but no code/message/data envelope, or an envelope whose data cannot be decrypted
        PROVIDER.stubFor(failing.get().willReturn(okJson("{\"result\":\"ok\"}")));
        assertThat(consumer.get(call).body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        PROVIDER.stubFor(failing.get().willReturn(okJson("{\"code\":\"200\",\"message\":\"成功\",\"data\":\"not-sm4-at-all\"}")));
        assertThat(consumer.get(call).status()).isEqualTo(502);

        PROVIDER.stubFor(failing.get().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(consumer.get(call).status()).isEqualTo(502);
    }

    record Signed(int status, String body) {
    }

    /** A call signed like a legacy system signs it; {@code signedTarget} may differ from {@code target} to tamper. */
    Signed signedGet(String appKey, String secret, String target, String signedTarget, long timestamp, String nonce) throws Exception {
        String signature = org.exchangehub.connectors.signing.RequestSignature.sign(
                org.exchangehub.connectors.signing.RequestSignature.Algorithm.HMAC_SM3, secret, appKey, String.valueOf(timestamp), nonce,
                signedTarget);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + target))
                .header("X-App-Key", appKey).header("X-Timestamp", String.valueOf(timestamp)).header("X-Nonce", nonce)
                .header("X-Signature", signature).GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Signed(response.statusCode(), response.body());
    }

    @Test
    void legacySystemsSignTheirCallsAndForgeriesAreRefused() throws Exception {
        Setup s = grantedLicenceEntry();
        String client = s.consumer().get("/api/grants").body().get(0).path("consumerSystemId").asText();
        JsonNode issued = admin().post("/api/consumer-systems/" + client + "/app-key", Map.of("algorithm", "HMAC_SM3")).body();
        String appKey = issued.path("appKey").asText();
        String secret = issued.path("appSecret").asText();
        assertThat(appKey).startsWith("ak");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/LEGACY")).willReturn(okJson("{\"qymc\":\"某公司\"}")));
        String target = "/api/shared/" + s.code() + "/queryByCreditCode?creditCode=LEGACY";
        long now = System.currentTimeMillis();

        Signed ok = signedGet(appKey, secret, target, target, now, "nonce-1");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("某公司");

        assertThat(signedGet(appKey, secret, target, target, now, "nonce-1").body()).contains("Replayed");
        assertThat(signedGet(appKey, "wrong-secret", target, target, now, "nonce-2").body()).contains("Wrong signature");
        Signed tampered = signedGet(appKey, secret, "/api/shared/" + s.code() + "/queryByCreditCode?creditCode=OTHER", target, now, "nonce-3");
        assertThat(tampered.status()).isEqualTo(401);
        Signed expired = signedGet(appKey, secret, target, target, now - java.time.Duration.ofMinutes(10).toMillis(), "nonce-4");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body()).contains("minutes");
        assertThat(signedGet("ak-unknown", secret, target, target, now, "nonce-5").body()).contains("Unknown app key");
        Signed elsewhere = signedGet(appKey, secret, "/api/catalog/entries", "/api/catalog/entries", now, "nonce-6");
        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(elsewhere.body()).contains("shared calls");

        var unsigned = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + target)).header("X-App-Key", appKey).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("X-Signature");
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("select app_secret_ciphertext from consumer_system where app_key = ?")) {
            query.setString(1, appKey);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("stored encrypted, never as issued").isNotBlank().doesNotContain(secret);
            }
        }
    }

    @Test
    void parametersCannotLeaveTheirPathSegmentAndMalformedCallsAreRefusedBeforeLogging() {
        Setup s = grantedLicenceEntry();
        for (String evil : List.of("..%2F..%2Fadmin%2Fusers", "..", "x%3FhttpMethod%3DDELETE", "a%23b", "100%25")) {
            var answer = s.consumer().get(call(s.code(), evil));
            assertThat(answer.status()).as(evil).isEqualTo(400);
            assertThat(answer.body().path("detail").asText()).as(evil).contains("must not contain");
        }
        var tooLong = s.consumer().get("/api/shared/" + "a".repeat(60) + "/1/queryByCreditCode?creditCode=X");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(PROVIDER.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/admin.*")))).isEmpty();
    }

    @Test
    void bearerTokenAndAppKeyTogetherAreRefused() throws Exception {
        Setup s = grantedLicenceEntry();
        var both = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + call(s.code(), "X")))
                .header("Authorization", "Bearer x").header("X-App-Key", "ak1").header("X-Timestamp", "1").header("X-Nonce", "n")
                .header("X-Signature", "s").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(both.statusCode()).isEqualTo(401);
        assertThat(both.body()).contains("not both");
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void sharedCallsRefuseMissingAndMalformedTokensAndAreMeasuredByTheirRoute() throws Exception {
        Setup s = grantedLicenceEntry();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/91620900MA7AAAAAA4")).willReturn(okJson("{\"qymc\":\"x\"}")));
        var http = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + call(s.code(), "91620900MA7AAAAAA4"));
        var none = http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(none.body()).contains("UNAUTHENTICATED").contains("Authorization: Bearer");
        var malformed = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer not a token").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(malformed.body()).contains("malformed");

        var answered = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + s.consumer().token())
                .header("Accept", "application/json").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answered.headers().firstValue("Content-Length")).as("answered in one piece").isPresent();
        // every granted item, null where the provider gave none
        assertThat(answered.body()).isEqualTo("{\"tyshxydm\":null,\"qymc\":\"x\",\"fddbrsfzh\":null}");
        var xmlOnly = http.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + s.consumer().token())
                .header("Accept", "application/xml").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(xmlOnly.statusCode()).as(xmlOnly.body()).isEqualTo(406);
        // the gateway's own handler mapping keeps the route pattern that the request metrics are tagged with
        var timer = meters.find("http.server.requests").tag("uri", "/api/shared/{prefix}/{sequence}/{operation}").tag("status", "200").timer();
        assertThat(timer).as("requests timed under the gateway's route").isNotNull();
        assertThat(timer.count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void missingParameterAndUnknownOperationAreNamed() {
        Setup s = grantedLicenceEntry();
        var missing = s.consumer().get("/api/shared/" + s.code() + "/queryByCreditCode");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("detail").asText()).contains("creditCode");
        assertThat(s.consumer().get("/api/shared/" + s.code() + "/deleteEverything").body().path("code").asText())
                .isEqualTo("NO_SUCH_OPERATION");
    }
}
