package org.exchangehub.hub.sso;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.exchangehub.catalog.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's standard token exchange (RFC 8693) as the hub's confidential client: a user's access token (whose
 * audience names the hub) becomes one whose only audience is the target system. Also the hub's own service-account
 * token (client credentials), which the SSO health check exchanges. Tokens and secrets are never logged.
 */
public class TokenExchange {

    private static final Logger log = LoggerFactory.getLogger(TokenExchange.class);
    static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    /** An access token and when it expires. */
    public record IssuedToken(String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + "]";
        }
    }

    private final URI tokenEndpoint;
    private final String authorization;
    // HTTP/1.1 with kept-alive connections: no h2c upgrade attempt on each new connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final SsoClock clock;
    private final MeterRegistry meters;
    private final AtomicReference<IssuedToken> serviceToken = new AtomicReference<>();

    public TokenExchange(SsoProperties sso, ObjectMapper json, SsoClock clock, MeterRegistry meters) {
        this.tokenEndpoint = URI.create(sso.issuerUri() + "/protocol/openid-connect/token");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((form(sso.clientId()) + ":"
                + form(sso.clientSecret() == null ? "" : sso.clientSecret())).getBytes(StandardCharsets.UTF_8));
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Exchanges {@code subjectToken} for a token whose audience is {@code audience}.
     *
     * @throws SsoException SSO_EXCHANGE_FAILED with Keycloak's reason
     */
    public IssuedToken exchange(String subjectToken, String audience) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        form.put("audience", audience);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            IssuedToken token = post(form, "exchange for " + audience);
            outcome = "ok";
            return token;
        } finally {
            sample.stop(Timer.builder("hub.sso.exchange").tag("outcome", outcome)
                    .description("token exchanges at the identity provider").publishPercentileHistogram().register(meters));
        }
    }

    /** The hub's own token (client credentials), reused until a minute before it expires. */
    public IssuedToken serviceAccountToken() {
        IssuedToken cached = serviceToken.get();
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minusSeconds(60))) {
            return cached;
        }
        IssuedToken fresh = post(Map.of("grant_type", "client_credentials"), "client credentials");
        serviceToken.set(fresh);
        return fresh;
    }

    private IssuedToken post(Map<String, String> form, String what) {
        String body = form.entrySet().stream().map(e -> form(e.getKey()) + "=" + form(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant sent = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SsoException(ErrorCode.SSO_EXCHANGE_FAILED, "The identity provider at " + tokenEndpoint
                    + " could not be reached for the " + what + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SsoException(ErrorCode.SSO_EXCHANGE_FAILED, "Interrupted during the " + what);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            answer = json.createObjectNode();
        }
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            String reason = answer.path("error").asText("HTTP " + response.statusCode())
                    + (answer.hasNonNull("error_description") ? ": " + answer.get("error_description").asText() : "");
            log.warn("The identity provider refused the {}: {}", what, reason);
            throw new SsoException(ErrorCode.SSO_EXCHANGE_FAILED, "The identity provider refused the " + what + " (" + reason + ")");
        }
        return new IssuedToken(answer.get("access_token").asText(), sent.plusSeconds(answer.path("expires_in").asLong(60)));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
