package org.exchangehub.hub.sso;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the systems a session opened that Keycloak ended it. Keycloak's own back-channel logout reaches only clients
 * that hold a session of their own; systems the hub opened (by token exchange or ticket) have none, so the hub passes
 * the logout on: a POST of {@code logout_token}, a JWT in the shape of OpenID Connect back-channel logout ({@code iss}
 * = "exchange-hub", {@code aud} = the system's id, {@code sub}, {@code sid}, the logout event), signed HS256 with
 * SHA-256 of the system's registered secret. Sent in the background; a system that does not answer is logged and
 * counted, not retried.
 */
@Component
public class LogoutRelay {

    private static final Logger log = LoggerFactory.getLogger(LogoutRelay.class);
    public static final String ISSUER = "exchange-hub";

    private final ConnectedSystems systems;
    private final SsoClock clock;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public LogoutRelay(ConnectedSystems systems, SsoClock clock, MeterRegistry meters) {
        this.systems = systems;
        this.clock = clock;
        this.meters = meters;
    }

    public void tell(String subject, String sid, Set<String> systemIds) {
        for (String id : systemIds) {
            systems.find(id).filter(s -> s.logoutUrl() != null && s.secretHash() != null)
                    .ifPresent(system -> executor.submit(() -> send(system, subject, sid)));
        }
    }

    private void send(ConnectedSystem system, String subject, String sid) {
        String outcome = "failed";
        try {
            String token = logoutToken(system, subject, sid, clock.instant());
            HttpRequest request = HttpRequest.newBuilder(system.logoutUrl()).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            outcome = status / 100 == 2 ? "ok" : "refused";
            if (status / 100 != 2) {
                log.warn("System {} answered the logout of session {} with HTTP {}", system.id(), sid, status);
            }
        } catch (Exception e) {
            log.warn("Could not tell system {} of the logout of session {}: {}", system.id(), sid, e.toString());
        } finally {
            Counter.builder("hub.sso.logout.relayed").tag("system", system.id()).tag("outcome", outcome).register(meters).increment();
        }
    }

    static String logoutToken(ConnectedSystem system, String subject, String sid, Instant now) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(system.id())
                .subject(subject)
                .claim("sid", sid)
                .claim("events", Map.of(BackchannelLogoutController.EVENT, Map.of()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("logout+jwt")).build(), claims);
        jwt.sign(new MACSigner(HexFormat.of().parseHex(system.secretHash())));
        return jwt.serialize();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
