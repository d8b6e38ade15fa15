package org.exchangehub.hub.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.exchangehub.connectors.resilience.ConnectorResilience;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Circuit breakers per connector and retries of idempotent operations, seen from the consumer and from WireMock. */
class ConnectorResilienceIT extends ConnectorIntegrationTest {

    @Autowired
    ConnectorResilience resilience;

    static int requests(String connectorId) {
        return PROVIDER.findAll(getRequestedFor(urlPathMatching("/" + connectorId + "/.*"))).size();
    }

    @Test
    void failingProviderOpensItsBreakerWhileAnotherConnectorIsUnaffected() {
        Granted failing = grantedEntry("breaker-a", "query");
        Granted healthy = grantedEntry("breaker-b", "query");
        PROVIDER.stubFor(get(urlPathMatching("/breaker-a/.*")).willReturn(aResponse().withStatus(500).withBody("NullPointerException")));
        PROVIDER.stubFor(get(urlPathMatching("/breaker-b/.*")).willReturn(okJson("{\"qymc\":\"某公司\"}")));

        for (int i = 0; i < 4; i++) {
            assertThat(failing.consumer().get(failing.call("query", "creditCode=A" + i)).status()).isEqualTo(502);
            assertThat(healthy.consumer().get(healthy.call("query", "creditCode=B" + i)).status()).isEqualTo(200);
        }
        var refused = failing.consumer().get(failing.call("query", "creditCode=A9"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        assertThat(requests("breaker-a")).as("an open breaker does not call the provider").isEqualTo(4);

        assertThat(healthy.consumer().get(healthy.call("query", "creditCode=B9")).status()).isEqualTo(200);
        assertThat(resilience.state("breaker-a")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(resilience.state("breaker-b")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void openBreakerHalfOpensAfterItsOpenPeriodAndClosesWhenTheProviderRecovered() {
        Granted g = grantedEntry("breaker-c", "query");
        PROVIDER.stubFor(get(urlPathMatching("/breaker-c/.*")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            g.consumer().get(g.call("query", "creditCode=C" + i));
        }
        PROVIDER.stubFor(get(urlPathMatching("/breaker-c/.*")).willReturn(okJson("{\"qymc\":\"已恢复\"}")));
        assertThat(g.consumer().get(g.call("query", "creditCode=C5")).status()).as("still open").isEqualTo(503);
        assertThat(requests("breaker-c")).isEqualTo(4);

        CLOCK.advance(Duration.ofSeconds(31));
        var trial = g.consumer().get(g.call("query", "creditCode=C6"));
        assertThat(trial.status()).isEqualTo(200);
        assertThat(trial.body().path("qymc").asText()).isEqualTo("已恢复");
        assertThat(resilience.state("breaker-c")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(g.consumer().get(g.call("query", "creditCode=C7")).status()).isEqualTo(200);
        assertThat(requests("breaker-c")).isEqualTo(6);
    }

    @Test
    void idempotentQueryThatFailsOnceIsRetriedAndSucceeds() {
        Granted g = grantedEntry("retrying", "query");
        PROVIDER.stubFor(get(urlPathEqualTo("/retrying/enterprises/R1")).inScenario("retrying").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        PROVIDER.stubFor(get(urlPathEqualTo("/retrying/enterprises/R1")).inScenario("retrying").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"qymc\":\"重试成功\"}")));

        var answer = g.consumer().get(g.call("query", "creditCode=R1"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("qymc").asText()).isEqualTo("重试成功");
        assertThat(requests("retrying")).isEqualTo(2);
    }

    @Test
    void nationalPostIsNotRetried() {
        Granted g = grantedEntry("national-once", "queryEnterprise");
        PROVIDER.stubFor(post(urlPathEqualTo("/national-once/enterprise")).willReturn(aResponse().withStatus(503)));

        var answer = g.consumer().get(g.call("queryEnterprise", "tyshxydm=N1"));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(PROVIDER.findAll(postRequestedFor(urlPathEqualTo("/national-once/enterprise"))))
                .as("a POST may have done its work: it is sent once").hasSize(1);
    }

    @Test
    void nationalPostMarkedIdempotentIsRetried() {
        Granted g = grantedEntry("national-once", "queryIdempotent");
        PROVIDER.stubFor(post(urlPathEqualTo("/national-once/idempotent")).inScenario("national-idempotent")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        PROVIDER.stubFor(post(urlPathEqualTo("/national-once/idempotent")).inScenario("national-idempotent")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"code\":\"200\",\"message\":\"成功\",\"data\":{\"qymc\":\"全国企业\"}}")));

        var answer = g.consumer().get(g.call("queryIdempotent", "tyshxydm=N2"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("qymc").asText()).isEqualTo("全国企业");
        assertThat(PROVIDER.findAll(postRequestedFor(urlPathEqualTo("/national-once/idempotent")))).hasSize(2);
    }
}
