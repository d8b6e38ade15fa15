package org.exchangehub.hub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.exchangehub.hub.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the connector tests ({@link ProvincialCallIT}, {@link ConnectorResilienceIT}, {@link ConnectorHealthProbeIT}):
 * one WireMock for every provider, every test connector configured here so that the three classes share one
 * application context, and a clock the tests move (token expiry, a breaker's open period). Each test has connectors
 * of its own, so breakers and cached tokens never carry over from one test to another.
 */
@Import(ConnectorIntegrationTest.TestClock.class)
abstract class ConnectorIntegrationTest extends HubIntegrationTest {

    static final WireMockServer PROVIDER = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final MutableClock CLOCK = new MutableClock();
    /** A port nobody listens on: a provider (or token endpoint) that is down. */
    static final int CLOSED_PORT = closedPort();

    static final String CLIENT_ID = "jiuquan-hub";
    static final String CLIENT_SECRET = "prov-Client-S3cret";
    static final String NAMESPACE = "http://www.gsaic.gov.cn/ws/enterprise";

    static {
        PROVIDER.start();
        // shared by every class of this context, so stopped with the JVM rather than after one class
        Runtime.getRuntime().addShutdownHook(new Thread(PROVIDER::stop));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        Clock connectorClock() {
            return CLOCK;
        }
    }

    @AfterAll
    static void stopProvider() {
        // the server stays up for the other classes sharing this context; only its stubs and journal go
        PROVIDER.resetAll();
    }

    static String provider() {
        return "http://127.0.0.1:" + PROVIDER.port();
    }

    @DynamicPropertySource
    static void connectors(DynamicPropertyRegistry registry) {
        // provincial: REST query and SOAP operation, token endpoint at /oauth/<id>/token
        for (String id : List.of("prov-reuse", "prov-expiry", "prov-401", "prov-concurrent", "prov-soap", "prov-failures", "prov-secret")) {
            provincial(registry, id, provider() + "/oauth/" + id + "/token");
        }
        provincial(registry, "prov-tokendown", "http://127.0.0.1:" + CLOSED_PORT + "/oauth/token");

        // resilience: small breakers that open after 2 failures among 4 calls, stay open 30 s, close after one good trial
        for (String id : List.of("breaker-a", "breaker-b", "breaker-c")) {
            String s = "hub.connectors.systems." + id + ".";
            selfbuilt(registry, id);
            registry.add(s + "circuit-breaker.sliding-window", () -> "4");
            registry.add(s + "circuit-breaker.minimum-calls", () -> "4");
            registry.add(s + "circuit-breaker.failure-rate-threshold", () -> "50");
            registry.add(s + "circuit-breaker.open-for", () -> "30s");
            registry.add(s + "circuit-breaker.half-open-calls", () -> "1");
            registry.add(s + "retry.attempts", () -> "1");
        }
        selfbuilt(registry, "retrying");
        registry.add("hub.connectors.systems.retrying.retry.attempts", () -> "2");
        registry.add("hub.connectors.systems.retrying.retry.backoff", () -> "10ms");
        String national = "hub.connectors.systems.national-once.";
        registry.add(national + "family", () -> "national");
        registry.add(national + "base-url", ConnectorIntegrationTest::provider);
        registry.add(national + "app-key", () -> "jiuquan-hub");
        registry.add(national + "app-secret", () -> "national-test-secret");
        registry.add(national + "retry.backoff", () -> "10ms");
        registry.add(national + "operations.queryEnterprise.path", () -> "/national-once/enterprise");
        registry.add(national + "operations.queryIdempotent.path", () -> "/national-once/idempotent");
        registry.add(national + "operations.queryIdempotent.idempotent", () -> "true");

        // health probes
        selfbuilt(registry, "probe-up");
        registry.add("hub.connectors.systems.probe-up.base-url", () -> provider() + "/probe-up");
        selfbuilt(registry, "probe-down");
        registry.add("hub.connectors.systems.probe-down.base-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        selfbuilt(registry, "probe-path");
        registry.add("hub.connectors.systems.probe-path.probe.path", () -> "/probe-path/status?deep=true");
    }

    /** A provincial system with a REST query {@code query} and a SOAP operation {@code soapQuery}. */
    static void provincial(DynamicPropertyRegistry registry, String id, String tokenUrl) {
        String s = "hub.connectors.systems." + id + ".";
        registry.add(s + "family", () -> "provincial");
        registry.add(s + "base-url", ConnectorIntegrationTest::provider);
        registry.add(s + "response-timeout", () -> "800ms");
        registry.add(s + "token-url", () -> tokenUrl);
        registry.add(s + "client-id", () -> CLIENT_ID);
        registry.add(s + "client-secret", () -> CLIENT_SECRET);
        registry.add(s + "scope", () -> "enterprise.query");
        registry.add(s + "operations.query.path", () -> "/" + id + "/enterprises/{creditCode}");
        registry.add(s + "operations.soapQuery.path", () -> "/" + id + "/ws/EnterpriseService");
        registry.add(s + "operations.soapQuery.style", () -> "soap");
        registry.add(s + "operations.soapQuery.namespace", () -> NAMESPACE);
        registry.add(s + "operations.soapQuery.soap-action", () -> "urn:queryEnterprise");
        registry.add(s + "operations.soapQuery.element", () -> "queryEnterprise");
        registry.add(s + "operations.soapQuery.result-element", () -> "return");
    }

    /** A self-built REST system with the query {@code query} at {@code /<id>/enterprises/{creditCode}}. */
    static void selfbuilt(DynamicPropertyRegistry registry, String id) {
        String s = "hub.connectors.systems." + id + ".";
        registry.add(s + "family", () -> "selfbuilt");
        registry.add(s + "base-url", ConnectorIntegrationTest::provider);
        registry.add(s + "response-timeout", () -> "800ms");
        registry.add(s + "operations.query.path", () -> "/" + id + "/enterprises/{creditCode}");
    }

    /** A published entry with the connector's operations mounted, and a consumer granted three of its items. */
    record Granted(String code, HubApi consumer, HubApi officer) {
        String call(String operation, String query) {
            return "/api/shared/" + code + "/" + operation + (query == null ? "" : "?" + query);
        }
    }

    Granted grantedEntry(String connectorId, String... operations) {
        String dept = createDepartment("甘肃省市场监督管理局");
        HubApi officer = as("officer", "dept-editor", dept);
        String code = publish(officer, licenceEntry("企业登记信息", List.of()));
        for (String operation : operations) {
            var mounted = officer.post(path(code) + "/mounts", Map.of("kind", "API", "connectorId", connectorId, "operation", operation));
            assertThat(mounted.status()).as(mounted.body().toString()).isEqualTo(201);
        }
        String client = "consumer-" + ThreadLocalRandom.current().nextInt(1_000_000);
        admin().put("/api/consumer-systems/" + client, Map.of("name", "不动产登记系统", "clientId", client), null);
        HubApi consumer = as(client, "consumer", null);
        var applied = consumer.post(path(code) + "/share-requests", Map.of("purpose", "核验企业主体资格",
                "dataItems", List.of("统一社会信用代码", "企业名称", "法定代表人身份证号")));
        assertThat(applied.body().path("status").asText()).as(applied.body().toString()).isEqualTo("APPROVED");
        return new Granted(code, consumer, officer);
    }

    static String tokenAnswer(String token, int expiresIn) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
