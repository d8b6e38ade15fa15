package org.exchangehub.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConnectorPropertiesTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static ConnectorProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("hub.connectors", ConnectorProperties.class);
    }

    static Set<String> problems(ConnectorProperties p) {
        Set<ConstraintViolation<ConnectorProperties>> v = VALIDATOR.validate(p);
        return v.stream().map(c -> c.getPropertyPath() + ": " + c.getMessage()).collect(Collectors.toSet());
    }

    static Map<String, String> provincial() {
        Map<String, String> m = new HashMap<>();
        String s = "hub.connectors.systems.estate.";
        m.put(s + "family", "provincial");
        m.put(s + "base-url", "https://10.62.1.5:8443");
        m.put(s + "token-url", "https://10.62.1.5:8443/oauth/token");
        m.put(s + "client-id", "jiuquan-hub");
        m.put(s + "client-secret", "never-shown");
        m.put(s + "operations.queryEstate.path", "/ws/EstateService");
        m.put(s + "operations.queryEstate.style", "soap");
        m.put(s + "operations.queryEstate.namespace", "http://estate.gansu.gov.cn/ws");
        m.put(s + "operations.queryEstate.element", "queryEstate");
        m.put(s + "operations.queryOwner.path", "/api/owners/{idNumber}");
        return m;
    }

    @Test
    void provincialSystemBindsWithDefaultsForResilienceAndProbes() {
        ConnectorProperties p = bind(provincial());
        assertThat(problems(p)).isEmpty();
        ConnectorProperties.System estate = p.systems().get("estate");
        assertThat(estate.circuitBreaker().failureRateThreshold()).isEqualTo(50);
        assertThat(estate.circuitBreaker().slidingWindow()).isEqualTo(10);
        assertThat(estate.circuitBreaker().minimumCalls()).isEqualTo(5);
        assertThat(estate.circuitBreaker().openFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(estate.circuitBreaker().halfOpenCalls()).isEqualTo(2);
        assertThat(estate.retry().attempts()).isEqualTo(2);
        assertThat(estate.retry().backoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.healthProbe().enabled()).isTrue();
        assertThat(p.healthProbe().interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(estate.operations().get("queryEstate").isSoap()).isTrue();
        assertThat(estate.operations().get("queryEstate").elementForm()).isEqualTo("unqualified");
        assertThat(estate.operations().get("queryEstate").idempotentIn("provincial")).as("SOAP: only when marked").isFalse();
        assertThat(estate.operations().get("queryOwner").idempotentIn("provincial")).as("a REST GET").isTrue();
        assertThat(estate.operations().get("queryOwner").idempotentIn("national")).as("a national POST").isFalse();
    }

    @Test
    void provincialSystemNeedsItsTokenEndpointAndCredentials() {
        Map<String, String> m = provincial();
        m.remove("hub.connectors.systems.estate.client-secret");
        assertThat(problems(bind(m))).anySatisfy(p -> assertThat(p).contains("token-url, client-id and client-secret"));
    }

    @Test
    void soapOperationNeedsNamespaceAndElement() {
        Map<String, String> m = provincial();
        m.remove("hub.connectors.systems.estate.operations.queryEstate.namespace");
        assertThat(problems(bind(m))).anySatisfy(p -> assertThat(p).contains("namespace and element"));
    }

    @Test
    void nationalGatewayHasNoSoapOperations() {
        Map<String, String> m = provincial();
        m.put("hub.connectors.systems.estate.family", "national");
        m.put("hub.connectors.systems.estate.app-key", "k");
        m.put("hub.connectors.systems.estate.app-secret", "s");
        assertThat(problems(bind(m))).anySatisfy(p -> assertThat(p).contains("style: soap is for selfbuilt and provincial"));
    }

    @Test
    void retriesAndBreakerStayWithinBounds() {
        Map<String, String> m = provincial();
        m.put("hub.connectors.systems.estate.retry.attempts", "5");
        m.put("hub.connectors.systems.estate.retry.backoff", "10s");
        m.put("hub.connectors.systems.estate.circuit-breaker.minimum-calls", "20");
        assertThat(problems(bind(m))).hasSize(3);
    }

    @Test
    void clientSecretIsNeverPrinted() {
        assertThat(bind(provincial()).systems().get("estate").toString()).doesNotContain("never-shown").contains("clientSecret=******");
    }
}
