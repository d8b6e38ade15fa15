package org.exchangehub.hub.sso.keycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.exchangehub.hub.sso.SsoProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Waits, as the context starts, for the embedded Keycloak that {@link KeycloakEnvironmentPostProcessor} launched
 * (bounded by {@code hub.sso.keycloak.start-timeout}; the hub fails with Keycloak's own last log lines if it does not
 * come up), and reports the issuer's health ({@code /actuator/health/keycloak}). Keycloak itself stops with the JVM.
 */
@Component("keycloak")
public class EmbeddedKeycloakLifecycle implements SmartLifecycle, HealthIndicator {

    private final SsoProperties sso;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean running;

    public EmbeddedKeycloakLifecycle(SsoProperties sso) {
        this.sso = sso;
    }

    @Override
    public void start() {
        EmbeddedKeycloak.running().ifPresent(k -> k.awaitReady(sso.keycloak().startTimeout()));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before the web server (which starts in the last phase) takes requests that would need Keycloak
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public Health health() {
        if (!sso.enabled()) {
            return Health.unknown().withDetail("sso", "off (no issuer, embedded Keycloak disabled)").build();
        }
        String url = sso.issuerUri() + "/.well-known/openid-configuration";
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            Health.Builder health = status == 200 ? Health.up() : Health.down().withDetail("status", status);
            return health.withDetail("issuer", sso.issuerUri())
                    .withDetail("mode", EmbeddedKeycloak.running().isPresent() ? "embedded" : "external").build();
        } catch (java.io.IOException e) {
            return Health.down().withDetail("issuer", sso.issuerUri()).withDetail("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }
}
