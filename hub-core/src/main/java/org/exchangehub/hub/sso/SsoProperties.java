package org.exchangehub.hub.sso;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on settings ({@code hub.sso.*}, environment variables in application.yml).
 *
 * @param issuerUri the Keycloak realm the portal session and token exchange use; published by the embedded Keycloak
 *     when it runs, else {@code HUB_OIDC_ISSUER}; empty: single sign-on is off
 * @param clientId the hub's client in that realm (confidential, allowed to exchange tokens)
 * @param clientSecret its secret (the embedded Keycloak makes one per start; never logged)
 * @param ticketTtl how long a legacy system's one-time ticket is valid (at most 60 s)
 * @param exchangeCacheMargin an exchanged token is reused for the same session and system until this long before it
 *     expires; {@code 0s} turns the cache off
 * @param systems connected systems by id, from configuration (more can be registered through the API)
 * @param health the synthetic check of every connected system
 * @param keycloak the embedded Keycloak
 */
@Validated
@ConfigurationProperties("hub.sso")
public record SsoProperties(
        String issuerUri,
        @NotBlank @DefaultValue("hub") String clientId,
        String clientSecret,
        @NotNull @DefaultValue("60s") Duration ticketTtl,
        @NotNull @DefaultValue("30s") Duration exchangeCacheMargin,
        @DefaultValue Map<String, SystemSettings> systems,
        @Valid @NotNull @DefaultValue Health health,
        @Valid @NotNull @DefaultValue Keycloak keycloak) {

    public SsoProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        if (ticketTtl.isNegative() || ticketTtl.isZero() || ticketTtl.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("hub.sso.ticket-ttl must be between 1 ms and 60 s, got " + ticketTtl);
        }
    }

    public boolean enabled() {
        return StringUtils.hasText(issuerUri);
    }

    /** Never with the client secret. */
    @Override
    public String toString() {
        return "SsoProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                + (StringUtils.hasText(clientSecret) ? "******" : "(none)") + ", ticketTtl=" + ticketTtl
                + ", systems=" + systems.keySet() + ", keycloak=" + keycloak + "]";
    }

    /**
     * A connected system as configured ({@code hub.sso.systems.<id>.*}).
     *
     * @param kind OIDC (gets a token exchanged for its audience) or LEGACY (gets a one-time ticket)
     * @param name a display name
     * @param audience OIDC: its client id in the realm, the audience its tokens must carry
     * @param launchUrls where the hub may send users: scheme, host and port exactly, path as a prefix
     * @param ticketCallback LEGACY: where the user lands with {@code ?ticket=}; must be one of the launch URLs' kind
     * @param secret LEGACY: the secret it redeems tickets with (give it by environment variable)
     * @param attributes LEGACY: the identity attributes it is granted, {@code name: PLAIN|MASKED}
     * @param logoutUrl where the hub tells it that a user's session ended (optional)
     */
    public record SystemSettings(
            @NotNull ConnectedSystem.Kind kind,
            String name,
            String audience,
            @DefaultValue List<URI> launchUrls,
            URI ticketCallback,
            String secret,
            @DefaultValue Map<String, ConnectedSystem.Exposure> attributes,
            URI logoutUrl) {

        @Override
        public String toString() {
            return "SystemSettings[kind=" + kind + ", audience=" + audience + ", launchUrls=" + launchUrls + "]";
        }
    }

    /**
     * @param enabled run the check on a schedule
     * @param interval how often
     */
    public record Health(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("60s") Duration interval) {
    }

    /**
     * The Keycloak the hub runs itself when no external issuer ({@code HUB_OIDC_ISSUER}) is configured.
     *
     * @param enabled start it (when no external issuer is configured)
     * @param port its HTTP port on 127.0.0.1; 0 picks a free one
     * @param home where its distribution is unpacked and built (kept between runs: the first start builds it, about a
     *     minute; later ones take about 12 s); empty means {@code keycloak/} in the data directory
     * @param distribution the distribution zip; empty means the build's copy or the local Maven repository
     * @param startTimeout how long to wait for it to answer
     * @param realm the realm the hub uses
     */
    public record Keycloak(
            @DefaultValue("true") boolean enabled,
            @Min(0) @Max(65535) @DefaultValue("8180") int port,
            Path home,
            Path distribution,
            @NotNull @DefaultValue("240s") Duration startTimeout,
            @NotBlank @DefaultValue("exchange-hub") String realm) {
    }
}
