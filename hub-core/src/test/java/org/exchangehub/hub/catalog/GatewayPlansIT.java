package org.exchangehub.hub.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.hazelcast.core.HazelcastInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.exchangehub.hub.gateway.GatewayPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway reads what it needs of an entry (data items, API mounts, active grants) from a Hazelcast near cache;
 * every change to them must take effect on the very next call.
 */
class GatewayPlansIT extends HubIntegrationTest {

    static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        PROVIDER.start();
        PROVIDER.stubFor(get(urlPathEqualTo("/api/licences/91620900MA7AAAAAA1")).willReturn(okJson("""
                {"tyshxydm":"91620900MA7AAAAAA1","qymc":"酒泉市某某商贸有限公司","fddbrsfzh":"620102199001011233"}""")));
    }

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        String system = "hub.connectors.systems.market-licence.";
        registry.add(system + "family", () -> "selfbuilt");
        registry.add(system + "base-url", () -> "http://127.0.0.1:" + PROVIDER.port());
        registry.add(system + "operations.queryByCreditCode.path", () -> "/api/licences/{creditCode}");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Autowired
    HazelcastInstance hazelcast;

    @Autowired
    GatewayPlans plans;

    record Conditional(String code, HubApi officer, HubApi consumer, HubApi reviewer, long requestId) {
    }

    /** A CONDITIONAL entry with its API mounted, and a consuming system whose request waits for the provider. */
    Conditional pendingRequest() {
        String dept = createDepartment("酒泉市市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        Map<String, Object> body = new HashMap<>(licenceEntry("企业营业执照信息", List.of()));
        body.put("shareType", "CONDITIONAL");
        body.put("shareConditions", "仅限政务服务用途");
        String code = publish(officer, body);
        officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", "market-licence", "operation", "queryByCreditCode"));
        String client = "plans-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "不动产登记系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        var applied = consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验企业主体资格",
                "dataItems", List.of("统一社会信用代码", "企业名称")));
        assertThat(applied.body().path("status").asText()).as(applied.body().toString()).isEqualTo("PENDING");
        return new Conditional(code, officer, consumer, as("reviewer", "reviewer", dept), applied.body().path("id").asLong());
    }

    static String call(String code) {
        return "/api/shared/" + code + "/queryByCreditCode?creditCode=91620900MA7AAAAAA1";
    }

    @Test
    void approvalTakesEffectOnTheNextCallThoughTheEntryWasCached() {
        Conditional c = pendingRequest();
        // the entry's own events (published, mounted) reach this node over Kafka a moment later and drop the plan
        // once more; once they have, a refused call leaves the plan cached
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(c.consumer().get(call(c.code())).body().path("code").asText()).isEqualTo("NOT_GRANTED");
            assertThat(hazelcast.getMap("gateway.plans").containsKey(c.code())).as("the refused call cached the entry's plan").isTrue();
        });

        c.reviewer().post("/api/share-requests/" + c.requestId() + "/approve", Map.of());

        var granted = c.consumer().get(call(c.code()));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        assertThat(granted.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
    }

    @Test
    void repeatedCallsAreServedFromTheNearCache() {
        Conditional c = pendingRequest();
        c.reviewer().post("/api/share-requests/" + c.requestId() + "/approve", Map.of());
        assertThat(c.consumer().get(call(c.code())).status()).isEqualTo(200);

        // the approval's catalogue event reaches this node over Kafka a moment later and drops the plan once more
        // (it is how other nodes learn of it); after that, calls read the plan from memory
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            var stats = hazelcast.getMap("gateway.plans").getLocalMapStats().getNearCacheStats();
            long hitsBefore = stats.getHits();
            for (int i = 0; i < 5; i++) {
                assertThat(c.consumer().get(call(c.code())).status()).isEqualTo(200);
            }
            long hits = hazelcast.getMap("gateway.plans").getLocalMapStats().getNearCacheStats().getHits() - hitsBefore;
            assertThat(hits).as("near-cache hits of the entry's plan over five calls").isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void unmountingAnOperationTakesEffectOnTheNextCall() {
        Conditional c = pendingRequest();
        c.reviewer().post("/api/share-requests/" + c.requestId() + "/approve", Map.of());
        assertThat(c.consumer().get(call(c.code())).status()).isEqualTo(200);
        long mountId = c.officer().get(path(c.code()) + "/mounts").body().get(0).path("id").asLong();

        assertThat(c.officer().delete(path(c.code()) + "/mounts/" + mountId).status()).isBetween(200, 204);

        var answer = c.consumer().get(call(c.code()));
        assertThat(answer.body().path("code").asText()).as(answer.body().toString()).isEqualTo("NO_SUCH_OPERATION");
    }

    @Test
    void retiringTheEntryEndsCallsAtOnce() {
        Conditional c = pendingRequest();
        c.reviewer().post("/api/share-requests/" + c.requestId() + "/approve", Map.of());
        assertThat(c.consumer().get(call(c.code())).status()).isEqualTo(200);
        int before = PROVIDER.findAll(getRequestedFor(urlPathEqualTo("/api/licences/91620900MA7AAAAAA1"))).size();

        var retired = c.officer().post(path(c.code()) + "/retire", Map.of("reason", "数据源停用"));
        assertThat(retired.status()).as(retired.body().toString()).isEqualTo(200);

        var answer = c.consumer().get(call(c.code()));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("code").asText()).isEqualTo("NOT_GRANTED");
        assertThat(PROVIDER.findAll(getRequestedFor(urlPathEqualTo("/api/licences/91620900MA7AAAAAA1")))).hasSize(before);
    }

    @Test
    void aConsumingSystemsNewClientIdTakesEffectAtOnce() {
        Conditional c = pendingRequest();
        c.reviewer().post("/api/share-requests/" + c.requestId() + "/approve", Map.of());
        assertThat(c.consumer().get(call(c.code())).status()).isEqualTo(200);
        String systemId = c.consumer().get("/api/share-requests/" + c.requestId()).body().path("consumerSystemId").asText();

        // the system moves to a new OAuth2 client: tokens of the old one no longer act for it
        admin().put("/api/consumer-systems/" + systemId, Map.of("name", "不动产登记系统", "clientId", systemId + "-v2"), null);

        var old = c.consumer().get(call(c.code()));
        assertThat(old.status()).isEqualTo(403);
        assertThat(old.body().path("detail").asText()).contains("not a registered consuming system");
        assertThat(as(systemId + "-v2", "consumer", null).get(call(c.code())).status()).isEqualTo(200);
    }
}
