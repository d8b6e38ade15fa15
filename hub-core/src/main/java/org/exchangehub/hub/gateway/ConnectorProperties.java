package org.exchangehub.hub.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.exchangehub.connectors.resilience.ResilienceSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The provider systems the hub calls, by connector id (the {@code connectorId} of an API mount): adding a provider
 * is configuration. Example (docs/connectors.md has one per family):
 * <pre>
 * hub.connectors.systems.market-licence:
 *   family: selfbuilt
 *   base-url: http://10.1.2.3:8080
 *   response-timeout: 3s
 *   operations:
 *     queryByCreditCode: { path: /api/licences/{creditCode} }
 * </pre>
 *
 * @param healthProbe the scheduled probes of every connector
 */
@Validated
@ConfigurationProperties("hub.connectors")
public record ConnectorProperties(@Valid @DefaultValue Map<String, System> systems, @Valid @DefaultValue HealthProbe healthProbe) {

    /**
     * @param family         {@code selfbuilt} (a city department's REST/JSON GET or SOAP), {@code provincial} (a
     *                       provincial vertical system: REST or SOAP with a bearer token from its token endpoint) or
     *                       {@code national} (the national platform's sharing gateway: signed POST,
     *                       {@code code/message/data} envelope)
     * @param appKey         national: the hub's app key at the gateway
     * @param appSecret      national: the app secret that keys the signature; give it by environment variable, never in a file
     * @param signature      national: HMAC_SM3 (default) or HMAC_SHA256
     * @param sm4Mode        national: ECB or CBC when bodies are SM4-encrypted; empty for plain JSON
     * @param sm4Key         national with SM4: 32 hex digits
     * @param sm4Iv          national with SM4-CBC: 32 hex digits
     * @param tokenUrl       provincial: the OAuth2 token endpoint (client_credentials grant, credentials in the form body)
     * @param clientId       provincial: the hub's client id there
     * @param clientSecret   provincial: the hub's client secret; by environment variable, never in a file, never logged
     * @param scope          provincial: the scope to ask for, if the endpoint wants one
     * @param circuitBreaker when the hub stops calling a failing provider, and for how long
     * @param retry          how often an idempotent operation is tried
     * @param probe          what the health probe asks this provider
     * @param compression    ask the provider for gzip answers; off by default: a provider's answers are a record or a
     *                       few, and compressing and inflating a few hundred bytes costs both sides more CPU than the
     *                       bytes it saves on the government network (turn it on for large answers over a slow link)
     */
    public record System(@NotBlank @Pattern(regexp = "selfbuilt|provincial|national", message = "expected selfbuilt, provincial or national") String family,
                         @NotNull URI baseUrl,
                         @NotNull @DefaultValue("2s") Duration connectTimeout,
                         @NotNull @DefaultValue("5s") Duration responseTimeout,
                         @Valid @DefaultValue Map<String, Operation> operations,
                         String appKey,
                         String appSecret,
                         @DefaultValue("HMAC_SM3") @Pattern(regexp = "HMAC_SM3|HMAC_SHA256") String signature,
                         @Pattern(regexp = "|ECB|CBC", message = "expected ECB, CBC or nothing") String sm4Mode,
                         @Pattern(regexp = "|[0-9a-fA-F]{32}", message = "expected 32 hex digits") String sm4Key,
                         @Pattern(regexp = "|[0-9a-fA-F]{32}", message = "expected 32 hex digits") String sm4Iv,
                         URI tokenUrl,
                         String clientId,
                         String clientSecret,
                         String scope,
                         @Valid @DefaultValue Breaker circuitBreaker,
                         @Valid @DefaultValue Retry retry,
                         @Valid @DefaultValue Probe probe,
                         @DefaultValue("false") boolean compression) {

        @AssertTrue(message = "a national connector needs app-key and app-secret, and sm4-key (sm4-iv for CBC) when sm4-mode is set")
        public boolean isNationalComplete() {
            if (!"national".equals(family)) {
                return true;
            }
            boolean credentials = appKey != null && !appKey.isBlank() && appSecret != null && !appSecret.isBlank();
            boolean sm4 = sm4Mode == null || sm4Mode.isBlank()
                    || (sm4Key != null && !sm4Key.isBlank() && (!"CBC".equals(sm4Mode) || (sm4Iv != null && !sm4Iv.isBlank())));
            return credentials && sm4;
        }

        @AssertTrue(message = "a provincial connector needs token-url, client-id and client-secret")
        public boolean isProvincialComplete() {
            return !"provincial".equals(family) || (tokenUrl != null && clientId != null && !clientId.isBlank()
                    && clientSecret != null && !clientSecret.isBlank());
        }

        @AssertTrue(message = "style: soap is for selfbuilt and provincial connectors; the national gateway speaks JSON")
        public boolean isSoapInAFamilyThatSpeaksIt() {
            return !"national".equals(family) || operations == null || operations.values().stream().noneMatch(Operation::isSoap);
        }

        /** The breaker and retry settings as the connectors module takes them. */
        public ResilienceSettings resilience() {
            return new ResilienceSettings(circuitBreaker.failureRateThreshold(), circuitBreaker.slidingWindow(),
                    circuitBreaker.minimumCalls(), circuitBreaker.openFor(), circuitBreaker.halfOpenCalls(), retry.attempts(),
                    retry.backoff());
        }

        /** Configuration may be logged (start-up, errors): never with its secrets. */
        @Override
        public String toString() {
            return "System[family=" + family + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", responseTimeout="
                    + responseTimeout + ", operations=" + operations.keySet() + ", appKey=" + appKey + ", appSecret="
                    + (appSecret == null ? "none" : "******") + ", signature=" + signature + ", sm4Mode=" + sm4Mode
                    + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "******")
                    + ", scope=" + scope + ", " + circuitBreaker + ", " + retry + ", " + probe + ", compression=" + compression + "]";
        }
    }

    /**
     * @param path          appended to the base URL; {@code {name}} is replaced by the caller's parameter of that name.
     *                      For SOAP, the service's endpoint path
     * @param style         {@code rest} (default: a GET, or the national gateway's POST) or {@code soap} (a SOAP 1.1
     *                      document/literal call whose operation element carries the caller's parameters)
     * @param namespace     soap: the operation element's namespace (the service's target namespace)
     * @param soapAction    soap: the SOAPAction header; empty by default
     * @param element       soap: the operation element's local name, e.g. {@code queryEstate}
     * @param elementForm   soap: {@code unqualified} (default; JAX-WS) when the parameter elements are in no namespace,
     *                      {@code qualified} (.NET) when they are in the operation's
     * @param resultElement soap: the child of the response element that holds the result (e.g. {@code return});
     *                      empty when the response element's children are the result
     * @param idempotent    whether a failed call may be tried again; default true for REST queries of selfbuilt and
     *                      provincial systems (GETs), false for SOAP operations and national gateway POSTs
     * @param requestMapping  the name of a mapping config (target {@code request-parameters}) turning the consumer's
     *                        parameters (named by item codes) into the provider's; none: passed as they are
     * @param responseMapping the name of a mapping config (target {@code data-items}) turning the provider's answer into
     *                        the entry's data items, keyed by item code; none: the answer is read by item code as it is
     */
    public record Operation(@NotBlank @Pattern(regexp = "/.*", message = "must start with /") String path,
                            @DefaultValue("rest") @Pattern(regexp = "rest|soap", message = "expected rest or soap") String style,
                            String namespace,
                            String soapAction,
                            @Pattern(regexp = "|[A-Za-z_][A-Za-z0-9_.\\-]*", message = "expected an element name without prefix") String element,
                            @DefaultValue("unqualified") @Pattern(regexp = "qualified|unqualified", message = "expected qualified or unqualified") String elementForm,
                            @Pattern(regexp = "|[A-Za-z_][A-Za-z0-9_.\\-]*", message = "expected an element name without prefix") String resultElement,
                            Boolean idempotent,
                            @Pattern(regexp = "|[a-z0-9][a-z0-9-]*", message = "expected a mapping config's name") String requestMapping,
                            @Pattern(regexp = "|[a-z0-9][a-z0-9-]*", message = "expected a mapping config's name") String responseMapping) {

        public boolean isSoap() {
            return "soap".equals(style);
        }

        @AssertTrue(message = "a soap operation needs namespace and element (the operation element's name)")
        public boolean isSoapComplete() {
            return !isSoap() || (namespace != null && !namespace.isBlank() && element != null && !element.isBlank());
        }

        /** Whether this operation may be retried, for a connector of the given family. */
        public boolean idempotentIn(String family) {
            if (idempotent != null) {
                return idempotent;
            }
            return !isSoap() && !"national".equals(family);
        }
    }

    /**
     * Defaults: open when half of the last 10 calls (at least 5) failed; refuse for 30 s; then let 2 trial calls
     * through. Failures: no answer in time, no connection, no token, a 5xx, a SOAP server fault.
     *
     * @param failureRateThreshold percent of failed calls in the window that opens the breaker
     * @param slidingWindow        how many of the latest calls count
     * @param minimumCalls         calls needed in the window before the rate is judged
     * @param openFor              how long an open breaker answers 503 without calling the provider
     * @param halfOpenCalls        trial calls after that; all succeeding close the breaker
     */
    public record Breaker(@DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
                          @DefaultValue("10") @Min(1) @Max(1000) int slidingWindow,
                          @DefaultValue("5") @Min(1) int minimumCalls,
                          @NotNull @DefaultValue("30s") Duration openFor,
                          @DefaultValue("2") @Min(1) @Max(100) int halfOpenCalls) {

        @AssertTrue(message = "minimum-calls cannot exceed sliding-window, and open-for must be at least 1s")
        public boolean isConsistent() {
            return minimumCalls <= slidingWindow && openFor != null && openFor.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }

    /**
     * Retries of idempotent operations, after a dropped or refused connection or a 5xx (not after a timeout). The
     * consumer waits at most {@code attempts × (connect-timeout + response-timeout) + (attempts − 1) × backoff}
     * (for a provincial system, plus the token requests, each bounded by the same timeouts); hence the caps.
     *
     * @param attempts tries in all, 1 to 3 (1: no retry); default 2
     * @param backoff  pause between tries, at most 2s; default 200ms
     */
    public record Retry(@DefaultValue("2") @Min(1) @Max(3) int attempts,
                        @NotNull @DefaultValue("200ms") Duration backoff) {

        @AssertTrue(message = "backoff must be between 0 and 2s")
        public boolean isBackoffBounded() {
            return backoff != null && !backoff.isNegative() && backoff.compareTo(Duration.ofSeconds(2)) <= 0;
        }
    }

    /**
     * @param path     GET this (relative to the base URL, may carry a query such as {@code ?wsdl}) instead of the base
     *                 URL itself
     * @param interval how often; default {@code hub.connectors.health-probe.interval}
     */
    public record Probe(@Pattern(regexp = "|/.*", message = "must start with /") String path, Duration interval) {

        @AssertTrue(message = "interval must be at least 1s")
        public boolean isIntervalSensible() {
            return interval == null || interval.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }

    /**
     * The health probes: each connector's probe URL is asked every {@code interval}; any HTTP answer below 500 counts
     * as up, and the health of every API mount using the connector is updated in the registry.
     *
     * @param enabled  off in tests, which probe by hand
     * @param interval default interval of each connector's probe
     */
    public record HealthProbe(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("60s") Duration interval) {

        @AssertTrue(message = "interval must be at least 1s")
        public boolean isIntervalSensible() {
            return interval == null || interval.compareTo(Duration.ofSeconds(1)) >= 0;
        }
    }
}
