package org.exchangehub.hub.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Shared calls to provincial vertical systems: bearer tokens from their token endpoint, REST and SOAP, against WireMock. */
@ExtendWith(OutputCaptureExtension.class)
class ProvincialCallIT extends ConnectorIntegrationTest {

    static final String ANSWER = """
            {"tyshxydm":"91620900MA7PROV001","qymc":"酒泉市某某商贸有限公司","fddbr":"张某","fddbrsfzh":"620102199001011233"}""";

    static List<LoggedRequest> tokenRequests(String connectorId) {
        return PROVIDER.findAll(postRequestedFor(urlPathEqualTo("/oauth/" + connectorId + "/token")));
    }

    static List<LoggedRequest> providerRequests(String connectorId) {
        return PROVIDER.findAll(getRequestedFor(urlPathMatching("/" + connectorId + "/.*")));
    }

    /** The token endpoint of a connector answers the given tokens in turn (the last one from then on). */
    static void tokens(String connectorId, int expiresIn, String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = i + 1 < tokens.length ? "token-" + (i + 1) : state;
            PROVIDER.stubFor(post(urlPathEqualTo("/oauth/" + connectorId + "/token")).inScenario(connectorId + "-tokens")
                    .whenScenarioStateIs(state).willReturn(okJson(tokenAnswer(tokens[i], expiresIn))).willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void tokenIsFetchedOnceAndReusedAcrossCalls() {
        Granted g = grantedEntry("prov-reuse", "query");
        tokens("prov-reuse", 3600, "tok-reuse-1");
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-reuse/enterprises/91620900MA7PROV001"))
                .withHeader("Authorization", equalTo("Bearer tok-reuse-1")).willReturn(okJson(ANSWER)));

        for (int i = 0; i < 3; i++) {
            var answer = g.consumer().get(g.call("query", "creditCode=91620900MA7PROV001"));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
            assertThat(answer.body().path("fddbrsfzh").asText()).isEqualTo("620102********1233");
            assertThat(answer.body().has("fddbr")).isFalse();
        }
        assertThat(tokenRequests("prov-reuse")).hasSize(1);
        String form = tokenRequests("prov-reuse").get(0).getBodyAsString();
        assertThat(form).contains("grant_type=client_credentials", "client_id=" + CLIENT_ID, "client_secret=" + CLIENT_SECRET,
                "scope=enterprise.query");
        assertThat(tokenRequests("prov-reuse").get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(providerRequests("prov-reuse")).hasSize(3)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-reuse-1"));
    }

    @Test
    void refreshesTokenShortlyBeforeItExpires() {
        Granted g = grantedEntry("prov-expiry", "query");
        tokens("prov-expiry", 120, "tok-expiry-1", "tok-expiry-2");
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-expiry/enterprises/X1")).withHeader("Authorization", equalTo("Bearer tok-expiry-1"))
                .willReturn(okJson("{\"qymc\":\"第一个令牌\"}")));
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-expiry/enterprises/X1")).withHeader("Authorization", equalTo("Bearer tok-expiry-2"))
                .willReturn(okJson("{\"qymc\":\"第二个令牌\"}")));

        assertThat(g.consumer().get(g.call("query", "creditCode=X1")).body().path("qymc").asText()).isEqualTo("第一个令牌");
        CLOCK.advance(Duration.ofSeconds(100));
        assertThat(g.consumer().get(g.call("query", "creditCode=X1")).body().path("qymc").asText())
                .as("still valid 100 s into its 120 s").isEqualTo("第一个令牌");
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(g.consumer().get(g.call("query", "creditCode=X1")).body().path("qymc").asText())
                .as("replaced once within a tenth of its lifetime of expiry").isEqualTo("第二个令牌");
        assertThat(tokenRequests("prov-expiry")).hasSize(2);
    }

    @Test
    void refreshesTokenAfterUnauthorized() {
        Granted g = grantedEntry("prov-401", "query");
        tokens("prov-401", 3600, "tok-revoked", "tok-fresh");
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-401/enterprises/X2")).withHeader("Authorization", equalTo("Bearer tok-revoked"))
                .willReturn(aResponse().withStatus(401)));
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-401/enterprises/X2")).withHeader("Authorization", equalTo("Bearer tok-fresh"))
                .willReturn(okJson(ANSWER)));

        var answer = g.consumer().get(g.call("query", "creditCode=X2"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("tyshxydm").asText()).isEqualTo("91620900MA7PROV001");
        assertThat(providerRequests("prov-401")).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer tok-revoked", "Bearer tok-fresh");
        assertThat(g.consumer().get(g.call("query", "creditCode=X2")).status()).isEqualTo(200);
        assertThat(tokenRequests("prov-401")).as("the fresh token is kept").hasSize(2);
    }

    @Test
    void providerRefusingEvenAFreshTokenIs502AndNeitherSecretNorTokenLeaks(CapturedOutput output) {
        Granted g = grantedEntry("prov-secret", "query");
        tokens("prov-secret", 3600, "tok-secret-first", "tok-secret-second");
        PROVIDER.stubFor(get(urlPathMatching("/prov-secret/.*")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_token\"}")));

        var answer = g.consumer().get(g.call("query", "creditCode=X3"));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(answer.body().path("detail").asText()).contains("refused the hub's credentials");
        assertThat(providerRequests("prov-secret")).as("one retry with a fresh token, not more").hasSize(2);
        assertThat(tokenRequests("prov-secret")).hasSize(2);
        assertThat(answer.body().toString()).doesNotContain(CLIENT_SECRET).doesNotContain("tok-secret");
        assertThat(output.getAll()).contains("prov-secret") // the failure is logged…
                .doesNotContain(CLIENT_SECRET).doesNotContain("tok-secret-first").doesNotContain("tok-secret-second"); // …without secrets
    }

    @Test
    void tokenEndpointDownIs502WithAClearMessage() {
        Granted g = grantedEntry("prov-tokendown", "query");
        var answer = g.consumer().get(g.call("query", "creditCode=X4"));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(answer.body().path("detail").asText()).contains("token endpoint").contains("no access token");
        assertThat(answer.body().toString()).doesNotContain(CLIENT_SECRET);
        assertThat(providerRequests("prov-tokendown")).as("no token, no call").isEmpty();
    }

    @Test
    void concurrentCallersShareOneTokenFetch() throws Exception {
        Granted g = grantedEntry("prov-concurrent", "query");
        // a slow token endpoint, so that the callers really arrive while the first fetch is under way
        PROVIDER.stubFor(post(urlPathEqualTo("/oauth/prov-concurrent/token"))
                .willReturn(okJson(tokenAnswer("tok-concurrent", 3600)).withFixedDelay(400)));
        PROVIDER.stubFor(get(urlPathMatching("/prov-concurrent/enterprises/.*")).withHeader("Authorization", equalTo("Bearer tok-concurrent"))
                .willReturn(okJson(ANSWER)));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String creditCode = "C" + i;
                calls.add(pool.submit(() -> g.consumer().get(g.call("query", "creditCode=" + creditCode)).status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests("prov-concurrent")).as("one fetch for six callers").hasSize(1);
        assertThat(providerRequests("prov-concurrent")).hasSize(6);
    }

    static String soapAnswer(String inner) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + inner
                + "</soap:Body></soap:Envelope>";
    }

    static void soapStub(String marker, int status, String body) {
        PROVIDER.stubFor(post(urlPathEqualTo("/prov-soap/ws/EnterpriseService")).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body)));
    }

    @Test
    void soapOperationIsCalledWithAnEnvelopeAndAnswersAsJson() {
        Granted g = grantedEntry("prov-soap", "soapQuery");
        tokens("prov-soap", 3600, "tok-soap");
        soapStub("91620900MA7SOAP001", 200, soapAnswer("""
                <ns:queryEnterpriseResponse xmlns:ns="http://www.gsaic.gov.cn/ws/enterprise">
                  <return>
                    <tyshxydm>91620900MA7SOAP001</tyshxydm>
                    <qymc>酒泉市某某商贸有限公司</qymc>
                    <fddbr>张某</fddbr>
                    <fddbrsfzh>620102199001011233</fddbrsfzh>
                  </return>
                </ns:queryEnterpriseResponse>"""));

        var answer = g.consumer().get(g.call("soapQuery", "creditCode=91620900MA7SOAP001&remark=A%26B%3CC%3E"));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("tyshxydm").asText()).isEqualTo("91620900MA7SOAP001");
        assertThat(answer.body().path("qymc").asText()).isEqualTo("酒泉市某某商贸有限公司");
        assertThat(answer.body().path("fddbrsfzh").asText()).isEqualTo("620102********1233");
        assertThat(answer.body().has("fddbr")).isFalse();

        List<LoggedRequest> requests = PROVIDER.findAll(postRequestedFor(urlPathEqualTo("/prov-soap/ws/EnterpriseService"))
                .withRequestBody(containing("91620900MA7SOAP001")));
        assertThat(requests).hasSize(1);
        LoggedRequest sent = requests.get(0);
        assertThat(sent.getHeader("SOAPAction")).isEqualTo("\"urn:queryEnterprise\"");
        assertThat(sent.getHeader("Content-Type")).startsWith("text/xml");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer tok-soap");
        assertThat(sent.getBodyAsString())
                .contains("<op:queryEnterprise xmlns:op=\"" + NAMESPACE + "\">")
                .contains("<creditCode>91620900MA7SOAP001</creditCode>")
                .contains("<remark>A&amp;B&lt;C&gt;</remark>");
    }

    @Test
    void soapFaultIs502AndItsTextStaysInTheHub() {
        Granted g = grantedEntry("prov-soap", "soapQuery");
        tokens("prov-soap", 3600, "tok-soap");
        soapStub("FAULTY", 500, soapAnswer("<soap:Fault><faultcode>soap:Server</faultcode>"
                + "<faultstring>ORA-00942: table or view does not exist</faultstring></soap:Fault>"));

        var answer = g.consumer().get(g.call("soapQuery", "creditCode=FAULTY"));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(answer.body().path("detail").asText()).contains("SOAP fault");
        assertThat(answer.body().toString()).doesNotContain("ORA-00942").doesNotContain("soap:Server");
    }

    @Test
    void malformedSoapAnswerIs502() {
        Granted g = grantedEntry("prov-soap", "soapQuery");
        tokens("prov-soap", 3600, "tok-soap");
        soapStub("GARBLED", 200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><unclosed>");

        var answer = g.consumer().get(g.call("soapQuery", "creditCode=GARBLED"));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(answer.body().toString()).doesNotContain("unclosed");
    }

    @Test
    void soapParameterThatCannotBeAnElementIs400() {
        Granted g = grantedEntry("prov-soap", "soapQuery");
        var answer = g.consumer().get(g.call("soapQuery", "bad%3Cname=1"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("code").asText()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void slowProviderIs504() {
        Granted g = grantedEntry("prov-failures", "query");
        tokens("prov-failures", 3600, "tok-failures");
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-failures/enterprises/SLOW")).willReturn(okJson(ANSWER).withFixedDelay(3000)));

        var answer = g.consumer().get(g.call("query", "creditCode=SLOW"));
        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.body().path("code").asText()).isEqualTo("PROVIDER_TIMEOUT");
    }

    @Test
    void droppedConnectionIs502() {
        Granted g = grantedEntry("prov-failures", "query");
        tokens("prov-failures", 3600, "tok-failures");
        PROVIDER.stubFor(get(urlPathEqualTo("/prov-failures/enterprises/DROPPED"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var answer = g.consumer().get(g.call("query", "creditCode=DROPPED"));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(answer.body().path("detail").asText()).contains("could not be reached");
    }
}
